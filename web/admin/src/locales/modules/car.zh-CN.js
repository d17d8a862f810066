// 汽车管理 (CAR-*) — labels follow platform-spec.zh.txt §3.2
export default {
  car: {
    common: {
      station: '所属电站', area: '所属区域', stationName: '电站名称', areaName: '区域名称',
      provider: '服务商', property: '所属物业', basicInfo: '基本信息', counts: '数量统计',
      online: '在线状态', onlineYes: '在线', onlineNo: '离线', lastSeen: '最后通讯时间',
      commands: '设备指令', qrView: '查看二维码', qrExport: '二维码导出',
      confirmCommand: '确认要对“{name}”执行“{action}”吗？',
      commandAccepted: '“{action}”指令已下发', commandAcceptedMsg: '“{action}”指令已下发：{msg}',
      selectStationFirst: '请先选择电站', selectAreaFirst: '请先选择区域',
      yuan: '元', yuanPerKwh: '元/度', yuanPerHour: '元/小时', kw: 'kW', kva: 'kVA', w: 'W', a: 'A', v: 'V', kwh: '度',
      minutes: '分钟', none: '无', code: '编号', name: '名称'
    },
    station: {
      name: '电站名称', operationType: '运营性质', contact: '电站联系人', contactPhone: '联系人手机号',
      intro: '电站简介', hotline: '服务热线', openingHours: '营业时间', openFrom: '开始时间', openTo: '结束时间',
      maxPower: '最大功率', capacityLoad: '容量负荷', address: '地址信息', region: '所在地区',
      coordinates: '经纬度', timezone: '时区',
      auditStatus: '审核状态', status: '电站状态',
      invoiceConfigured: '发票配置', payConfigured: '支付配置', configured: '已配置', notConfigured: '未配置',
      audit: '审核',
      invoice: '发票配置', pay: '支付配置', privateApply: '私桩申请',
      addTitle: '添加电站', editTitle: '修改电站', detailTitle: '电站详情',
      sectionOwner: '归属信息', sectionBasic: '基本信息', sectionOperation: '运营信息',
      defaultAreaHint: '添加电站时会自动生成一个默认区域', auditHint: '新增的电站需经服务商或平台审核通过后方可运营',
      counts: { areas: '区域数量', piles: '电桩数量', guns: '电枪数量', spots: '车位数量' },
      openingHoursInvalid: '结束时间须晚于开始时间', coordInvalid: '经度 -180~180，纬度 -90~90，最多 6 位小数'
    },
    privateApply: {
      title: '私桩申请 · {name}', qrHint: '车主使用手机扫码，填写联系信息后提交私桩申请。',
      link: '申请链接', openLink: '打开申请页', records: '申请记录', recordsTitle: '私桩申请记录',
      name: '申请人', phone: '手机号码', plate: '车牌号', community: '小区名称', parkingSpot: '车位号', remark: '备注',
      status: '处理状态', applyTime: '申请时间', handle: '处理', handleTitle: '处理私桩申请', handleRemark: '处理意见',
      handleBy: '处理人', handleTime: '处理时间', handled: '已处理', approve: '通过', refuse: '拒绝', handleOk: '处理完成',
      notApproved: '电站审核通过并启用后，申请页才可访问'
    },
    mobile: {
      title: '私桩申请', subtitle: '填写联系信息，工作人员将尽快与您联系', station: '申请电站', address: '电站地址',
      submit: '提交申请', submitting: '提交中…', success: '申请已提交', successDesc: '工作人员将尽快与您联系，请保持电话畅通。',
      again: '再提交一份', invalid: '申请链接无效', invalidDesc: '电站不存在、未审核通过或已停用。', loadFailed: '加载失败，请稍后重试',
      namePh: '请输入您的姓名', phonePh: '请输入11位手机号', platePh: '如 浙A12345', communityPh: '请输入小区名称',
      spotPh: '请输入车位号', remarkPh: '选填', footer: '智充 · 充电运营平台'
    },
    area: {
      code: '区域编号', name: '区域名称', phone: '联系电话', power: '区域功率', status: '区域状态', isDefault: '默认区域',
      addTitle: '添加区域', editTitle: '修改区域', detailTitle: '区域详情',
      counts: { spots: '车位数量', piles: '电桩数量', guns: '电枪数量' }
    },
    spot: {
      code: '车位编号', name: '车位名称', lockType: '车位锁类型', lockState: '地锁状态', status: '车位状态', camera: '绑定相机',
      batchAdd: '批量添加', batchTitle: '批量添加车位', count: '车位数量', namePrefix: '名称前缀', namePrefixHint: '不填则按“车位001、车位002…”接续该区域编号',
      batchOk: '已添加 {n} 个车位', editTitle: '修改车位', detailTitle: '车位详情', appNameHint: '小程序中展示该车位名称',
      lockOpen: '开锁', lockClose: '关锁',
      lockPile: '地锁控制桩', bindPile: '绑定电桩', bindTitle: '地锁绑定电桩 · {name}', unbind: '解除绑定', unbindOk: '已解除绑定', unbindConfirm: '确定解除车位“{name}”的地锁与电桩的绑定吗？',
      bindOk: '已绑定，地锁指令将经该电桩下发', gunNo: '枪号', gunNoValue: '{n} 号枪', notBound: '未绑定',
      bindHint: '地锁由云快充电桩的指定枪控制，只能选择本电站启用云快充协议的电桩；电桩在线时立即生效',
      noYkcPile: '本电站没有云快充协议的电桩',
      carPresent: '车辆', carYes: '有车', carNo: '无车', battery: '地锁电量', alarm: '地锁告警', lockUpdated: '状态上报时间',
      alarms: { arm_damaged: '摇臂损坏', arm_fault: '升降异常' }, reservation: '预约', gun: '充电枪', gunHint: '停在该车位充电的枪：充电时段不计占位时长，按其电桩的占位收费计费'
    },
    camera: {
      code: '相机编号', factoryNo: '出厂标识', ip: '相机IP', name: '相机名称', sim: 'SIM卡号', spotCode: '车位编号',
      leftSpot: '左车位', rightSpot: '右车位', status: '相机状态',
      addTitle: '添加相机', editTitle: '修改相机', detailTitle: '相机详情', ipInvalid: '请输入正确的 IPv4 地址',
      cmd: { reboot: '重启设备', clockSync: '同步时钟', capture: '手动抓拍', syncLock: '同步地锁状态', refresh: '刷新状态', lockOpen: '开锁', lockClose: '关锁', secret: '重置接入密钥' },
      side: { left: '左车位', right: '右车位' }, captureHint: '抓拍后可在“汇总统计 - 抓拍记录”查看',
      secret: '接入密钥', pushUrl: '推送地址', secretTitle: '相机接入密钥',
      secretOnce: '密钥只显示这一次，请在相机的推送地址中配置（丢失后可重置）。',
      secretConfirm: '重置后旧密钥立即失效，相机需改用新的推送地址，确定重置吗？'
    },
    pile: {
      code: '电桩编号', factoryNo: '出厂标识', name: '电桩名称', model: '设备型号', version: '设备版本', gunCount: '电枪数量',
      sim: 'SIM卡号', operationType: '运营性质', occupancyFee: '占位收费', occupancyHint: '每个计费周期的价格，0 表示不收占位费（充电时段不计占位）', reservable: '预约充电',
      occupancyPeriodMin: '占位计费周期', occupancyFreeMin: '免费占位时长', occupancyCap: '占位费封顶', occupancyCapHint: '每次停车最多收取，0 表示不封顶',
      occupancyCapLow: '封顶金额不能低于每周期价格', minutes: '分钟', yuanPerPeriod: '元/周期',
      outputCurrent: '输出电流', outputPower: '输出功率', outputVoltage: '输出电压', currentType: '电流类型',
      chargingType: '充电类型', speed: '充电速度', installMethod: '安装方式', protectionClass: '防护等级', commMethod: '通讯方式',
      offlineCard: '离线卡', allowOfflineCard: '允许离线卡充电', protocol: '通讯协议', status: '电桩状态', guns: '充电枪',
      codeHint: '14 位电桩编号（云快充桩编码），留空由平台自动分配，保存后不可修改', codeInvalid: '电桩编号须为 14 位数字',
      gunCountHint: '增加数量会自动新增电枪；减少时移除编号最大且未在充电的电枪',
      addTitle: '添加电桩', editTitle: '修改电桩', detailTitle: '电桩详情',
      sectionBasic: '基本信息', sectionElectrical: '电气参数', sectionInstall: '安装与通讯', sectionOperation: '运营设置',
      cmd: { reboot: '重启设备', clockSync: '同步时钟', qrSync: '同步二维码', tariffSync: '同步计费规则', hotlineSync: '同步热线', refresh: '刷新状态' },
      tariff: '计费详情', tariffTitle: '计费详情 · {name}', noTariff: '该电桩所属区域暂无生效的计费规则',
      exportTitle: '电桩二维码导出', qrTitle: '电桩二维码 · {name}'
    },
    gun: {
      code: '电枪编号', gunNo: '枪号', name: '电枪名称', pileCode: '电桩编号', factoryNo: '出厂标识', state: '电枪状态',
      status: '启用状态', qrUrl: '二维码链接', editTitle: '修改充电枪', detailTitle: '充电枪详情',
      exportTitle: '充电枪二维码导出', qrTitle: '充电枪二维码 · {name}'
    },
    tariff: {
      name: '计费名称', mode: '计费方式', type: '计费类型', status: '计费规则状态', effectiveDate: '生效时间', effectiveHint: '当日24:00生效；可选择之后的日期，于当日00:00生效。跨24点的订单按启动时生效的规则计费',
      effectiveNextMidnight: '保存当日24:00生效', effectiveAtOnce: '保存后立即生效',
      effectiveHintFirst: '该区域还没有生效的计费规则，保存后立即生效：电桩可立即同步计费规则、开始充电。也可选择之后的日期，于当日00:00生效。此后的修改于当日24:00生效，以保护进行中的订单',
      savedNow: '已保存，计费规则已生效',
      currentVersion: '当前生效', pendingVersion: '待生效', previousVersion: '历史版本', noVersion: '无',
      energyPrice: '电费单价', servicePrice: '服务费单价', energyPriceYuan: '电费（元/度）', servicePriceYuan: '服务费（元/度）', totalPriceYuan: '合计（元/度）',
      tier: '时段类型', tierPrices: '时段单价', periods: '计费时段', periodsHint: '时段以30分钟为最小间隔，须完整覆盖 00:00–24:00，不能重叠',
      addPeriod: '添加时段', start: '开始', end: '结束', fillTemplate: '填充常用峰平谷', fillTemplateConfirm: '用常用峰平谷时段替换现有的 {n} 个时段吗？', clearPeriods: '清空',
      gap: '未覆盖', overlap: '重叠', gapList: '未覆盖时段：{list}', overlapList: '重叠时段：{list}', invalidPeriod: '第 {n} 行时段无效（结束须晚于开始）',
      coverOk: '已完整覆盖 24 小时', allDay: '全天',
      priceRequired: '请填写{tier}时段的电费和服务费单价', periodsRequired: '请修正计费时段后再提交', unusedTier: '{tier}时段未设置单价',
      prepay: '预付值', prepayTitle: '预付值 · {name}', prepayHint: '小程序汽车充电时可选择的预付金额，最多 12 个，须为正数且不重复',
      prepayAdd: '添加金额', prepayMax: '最多 12 个预付值', prepayDup: '预付值不能重复', prepayPositive: '预付值须大于 0', prepayOk: '预付值已保存',
      billingTest: '计费测试', billingTestTitle: '计费测试 · {name}', energy: '充电电量', startTime: '开始时间', duration: '充电时长',
      calc: '计 算', totalFee: '总费用', energyFee: '电费', serviceFee: '服务费', tierEnergy: '电量（度）', result: '计费结果',
      resultVersion: '使用计费版本 v{n}', testHint: '按充电时长均匀分摊电量，计算各时段费用（与订单结算使用同一计费引擎）',
      addTitle: '添加计费规则', editTitle: '修改计费规则', detailTitle: '计费规则详情', versions: '版本记录',
      versionNo: '版本 v{n}', versionKind: { current: '当前生效', pending: '待生效', previous: '已失效' },
      description: '计费规则描述', effectiveWindow: '生效区间', openEnded: '长期', ykcModelNo: '计费模型编号', savedPending: '已保存，新规则将于 {time} 生效',
      modeHint: { unified: '任意时间段都按统一的电费单价、服务费单价计费', tou: '按尖、峰、平、谷时段分别设置电费单价和服务费单价' },
      editNewVersion: '修改将生成新版本，当前版本在新版本生效前继续有效'
    }
  }
}
