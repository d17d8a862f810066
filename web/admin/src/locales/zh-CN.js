export default {
  app: {
    name: '智充',
    fullName: '智充 · 充电运营平台',
    slogan: '汽车与单车充电的一体化运营管理'
  },
  common: {
    ownerProvider: '服务商', ownerProperty: '所属物业',
    rowError: '第{n}行：{msg}',
    duration: { hm: '{h}小时{m}分钟', h: '{h}小时', ms: '{m}分{s}秒', m: '{m}分钟', s: '{s}秒' },
    search: '搜索', reset: '重置', add: '新增', edit: '修改', delete: '删除', detail: '详情',
    confirm: '确 定', cancel: '取 消', close: '关 闭', save: '保 存', operation: '操作', status: '状态',
    enabled: '正常', disabled: '停用', enable: '启用', disable: '停用',
    createBy: '创建者', createTime: '创建时间', updateBy: '更新者', updateTime: '更新时间',
    remark: '备注', more: '更多', refresh: '刷新', toggleSearch: '显示/隐藏搜索', expandCollapse: '展开/折叠',
    id: '编号', all: '全部', yes: '是', no: '否', tip: '系统提示', warning: '警告',
    beginDate: '开始日期', endDate: '结束日期', to: '至',
    addSuccess: '新增成功', editSuccess: '修改成功', deleteSuccess: '删除成功', opSuccess: '操作成功',
    confirmDelete: '是否确认删除“{name}”？',
    confirmDeleteSelected: '是否确认删除选中的 {n} 条数据？',
    confirmStatus: '确认要{action}“{name}”吗？',
    statusChanged: '{action}成功',
    input: '请输入{field}', select: '请选择{field}', required: '{field}不能为空',
    phoneInvalid: '请输入正确的11位手机号码', emailInvalid: '请输入正确的邮箱地址',
    passwordRule: '密码长度为8-64位，且须同时包含字母和数字',
    noData: '暂无数据', copy: '复制', copied: '已复制到剪贴板', copyFailed: '复制失败，请手动复制',
    loading: '加载中…', total: '共 {n} 条', selected: '已选 {n} 项', none: '无',
    networkError: '后端接口连接异常', timeout: '系统接口请求超时', requestFailed: '请求失败',
    sessionExpired: '登录状态已过期，请重新登录'
  },
  login: {
    title: '欢迎登录',
    subtitle: '智充 · 充电运营平台',
    headline: '智慧充电 · 运营管理平台',
    features: ['汽车 / 单车电站与设备一体化管理', '订单、计费与分账全流程可追溯', '服务商 · 物业 · 电站多级数据权限'],
    username: '账号', password: '密码',
    usernamePh: '请输入登录账号', passwordPh: '请输入登录密码',
    submit: '登 录', submitting: '登 录 中…',
    usernameRequired: '请输入您的账号', passwordRequired: '请输入您的密码',
    copyright: '© {year} 智充 zhichong'
  },
  navbar: {
    profile: '个人中心', logout: '退出登录', logoutConfirm: '确定注销并退出系统吗？',
    language: '语言', collapse: '收起/展开菜单'
  },
  tags: { refresh: '刷新页面', close: '关闭当前', closeOthers: '关闭其他', closeLeft: '关闭左侧', closeRight: '关闭右侧', closeAll: '全部关闭' },
  menu: { home: '首页', profile: '个人中心' },
  placeholder: { title: '该功能正在建设中', desc: '“{name}”即将上线，敬请期待。', back: '返回首页' },
  error404: { title: '404', heading: '页面不存在', desc: '您访问的页面不存在或已被移除，请检查地址是否正确。', back: '返回首页' },
  dashboard: {
    orders7: '近7天订单', energy5: '近5天充电电量', topUsers: '用户充电排名', car: '汽车', bike: '单车', orders: '订单', users: '用户',
    stations: '电站', areas: '区域', piles: '电桩', devices: '设备', carOrders: '汽车订单', bikeOrders: '单车订单', refunds: '退费订单', total: '总计',
    members: '会员', cards: '充电卡', carEnergy: '汽车', bikeEnergy: '单车', online: '设备在线', charging: '正在充电', faulted: '故障',
    todayOrders: '今日订单', todayEnergy: '今日电量', todayCharged: '今日收入', sessionsSplit: '汽车 {car} · 单车 {bike}',
    noOrders: '近7天暂无订单', noEnergy: '近5天暂无充电电量', noUsers: '暂无充电用户',
    hello: '您好，{name}', welcome: '欢迎使用智充 · 充电运营平台',
    account: '登录账号', userType: '用户类型', dept: '所属部门', roles: '角色',
    shortcuts: '快捷入口', modules: '平台模块',
    moduleDesc: {
      car: '汽车电站、区域、车位、相机、充电桩与计费规则',
      bike: '单车电站、区域、充电设备与计费规则',
      order: '充电订单、支付、预约、发票与退费记录',
      member: '电卡产品、会员、车主、集体户与白名单',
      stat: '分账、站点统计、抓拍、接听、故障与上下线记录',
      system: '服务商、物业、用户、角色、部门与岗位'
    }
  },
  profile: {
    title: '个人中心', basicInfo: '个人信息', editInfo: '基本资料', changePwd: '修改密码',
    oldPassword: '旧密码', newPassword: '新密码', confirmPassword: '确认密码',
    pwdMismatch: '两次输入的密码不一致', pwdChanged: '密码修改成功', saved: '保存成功'
  },
  account: {
    title: '登录账号已生成', desc: '初始密码仅显示这一次，请立即复制并妥善转交，关闭后将无法再次查看。',
    userName: '登录账号', initialPassword: '初始密码', copyAll: '复制账号和密码', done: '我已保存'
  },
  provider: {
    name: '服务商名称', contact: '联系人', phone: '手机号码', email: '邮箱', merchantType: '商户类型',
    parent: '所属服务商', auditStatus: '审核状态', auditRemark: '审核意见', auditBy: '审核人', auditTime: '审核时间',
    account: '登录账号', audit: '审核', auditTitle: '审核服务商', auditResult: '审核结果',
    pass: '通过', reject: '驳回', rejectRemarkRequired: '驳回时请填写审核意见',
    addTitle: '添加服务商', editTitle: '修改服务商', detailTitle: '服务商详情',
    phoneHint: '手机号码将作为商户登录平台的账号，唯一且不可修改',
    auditOk: '审核通过，已生成登录账号', auditRejected: '已驳回'
  },
  property: {
    provider: '所属服务商', name: '物业名称', contact: '联系人', phone: '联系电话', email: '邮箱',
    province: '省份', city: '城市', address: '地址', region: '所在地区', account: '登录账号',
    addTitle: '添加物业', editTitle: '修改物业', detailTitle: '物业详情',
    phoneHint: '联系电话将作为物业登录平台的账号，唯一且不可修改'
  },
  user: {
    userName: '登录账号', nickName: '用户名称', phone: '手机号码', email: '邮箱', password: '登录密码',
    userType: '用户类型', provider: '服务商', property: '物业', collective: '集体户', collectiveId: '集体户编号',
    owner: '归属', dept: '归属部门', post: '岗位', role: '角色', roleFilter: '授权类型',
    loginIp: '最后登录IP', loginDate: '最后登录时间',
    resetPwd: '重置密码', resetPwdTitle: '重置密码', resetPwdPrompt: '请输入“{name}”的新密码', resetPwdOk: '密码重置成功',
    bindStation: '绑定电站', bindTitle: '绑定电站 · {name}', noStation: '暂无电站',
    unbound: '可绑定电站', bound: '已绑定电站', bindOk: '电站绑定已保存',
    deptSearch: '请输入部门名称', allDepts: '全部部门',
    addTitle: '添加用户', editTitle: '修改用户', detailTitle: '用户详情',
    passwordEditHint: '留空则不修改密码', phoneHint: '手机号码将作为登录账号', stations: '绑定电站'
  },
  role: {
    roleName: '角色名称', roleKey: '权限字符', roleType: '角色类型', provider: '服务商', property: '物业',
    collective: '集体户', menuPerm: '菜单权限', expand: '展开/折叠', checkAll: '全选/全不选', linkage: '父子联动',
    userCount: '用户数', builtIn: '内置', authUser: '分配用户', authTitle: '分配用户 · {name}',
    allocated: '已分配用户', unallocated: '未分配用户', addAuth: '添加授权', cancelAuth: '取消授权',
    cancelAuthConfirm: '确认要取消选中用户的“{name}”角色吗？', addAuthOk: '授权成功', cancelAuthOk: '已取消授权',
    selectUsers: '请选择要操作的用户',
    addTitle: '添加角色', editTitle: '修改角色', detailTitle: '角色详情', builtInHint: '内置角色不可修改'
  },
  dept: {
    deptName: '部门名称', parent: '上级部门', orderNum: '显示排序', leader: '负责人', phone: '联系电话',
    email: '邮箱', provider: '服务商', property: '物业', addChild: '新增下级',
    addTitle: '添加部门', editTitle: '修改部门', detailTitle: '部门详情'
  },
  post: {
    dept: '所属部门', postCode: '岗位编码', postName: '岗位名称', orderNum: '显示顺序',
    addTitle: '添加岗位', editTitle: '修改岗位', detailTitle: '岗位详情'
  },
  online: {
    sessionId: '会话编号', userName: '登录账号', nickName: '用户昵称', deptName: '部门', ipaddr: '登录地址',
    browser: '浏览器', os: '操作系统', loginTime: '登录时间', expiresAt: '过期时间', current: '当前会话',
    forceLogout: '强退', confirmForceLogout: '是否确认强退用户“{name}”的这个会话？强退后该会话需重新登录。',
    forceLogoutSuccess: '已强退用户“{name}”'
  },
  logininfor: {
    userName: '登录账号', ipaddr: '登录地址', userAgent: '用户代理', browser: '浏览器', os: '操作系统', unknown: '未知',
    status: '登录状态', msg: '提示信息', loginTime: '访问时间',
    export: '导出', exportTitle: '导出登录日志', clean: '清空', unlock: '解锁',
    confirmClean: '是否确认清空所有登录日志数据项？', cleanSuccess: '清空成功',
    confirmUnlock: '是否确认解锁用户“{name}”？', unlockSuccess: '用户“{name}”解锁成功'
  },
  operlog: {
    title: '系统模块', businessType: '操作类型', method: '方法名称', requestMethod: '请求方式', operName: '操作人员',
    operUrl: '请求地址', operIp: '操作地址', operParam: '请求参数', jsonResult: '返回参数', status: '操作状态',
    errorMsg: '异常信息', operTime: '操作时间', costTime: '消耗时间', detailTitle: '操作日志详情', ms: '{n} 毫秒',
    export: '导出', exportTitle: '导出操作日志', clean: '清空',
    confirmClean: '是否确认清空所有操作日志数据项？', cleanSuccess: '清空成功'
  }
}
