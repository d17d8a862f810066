// 汽车与单车共用的电站机制（发票配置、支付配置、审核、地址、变更记录、二维码、导出、预付值）
export default {
  shared: {
    basicInfo: '基本信息',
    sectionOwner: '归属信息', provider: '服务商', property: '所属物业',
    audit: {
      title: '审核电站', result: '审核结果', pass: '通过', reject: '驳回', remark: '审核意见',
      rejectRemarkRequired: '驳回时请填写审核意见', ok: '审核完成', record: '审核记录', by: '审核人', time: '审核时间', status: '审核状态'
    },
    address: {
      section: '地址信息', region: '所在地区', regionPh: '选择或搜索 省 / 市 / 区', province: '省份', city: '城市', district: '区县', detail: '详细地址',
      coordinateFormat: '{field}应为数字，最多 6 位小数', coordinateRange: '{field}应在 {min} 到 {max} 之间',
      longitude: '经度', latitude: '纬度', coordinates: '经纬度', timezone: '时区', full: '地址信息'
    },
    history: {
      title: '变更记录', empty: '暂无变更记录',
      actions: { create: '新增电站', edit: '修改电站', resubmit: '重新提交审核', audit: '审核', approve: '审核通过', reject: '审核驳回', enable: '启用', disable: '停用', invoice: '发票配置', pay: '支付配置' }
    },
    config: { configured: '已配置', notConfigured: '未配置' },
    invoice: {
      menu: '发票配置', title: '发票配置 · {name}', hint: '电站未配置开票资料时，该电站的订单无法开具发票。',
      merchantNo: '商户号', sellerAddress: '售方地址', bankAccount: '银行账号', bankName: '银行名称', drawer: '开票人',
      companyName: '公司名称', payee: '收款人', reviewer: '复核人', taxpayerId: '纳税人识别号',
      electricityTaxRate: '电费费率', electricityTaxCode: '电费费率编码', serviceTaxRate: '服务费率', serviceTaxCode: '服务费费率编码',
      phone: '电话', saved: '发票配置已保存', sectionSeller: '销售方信息', sectionTax: '税率信息', sectionPeople: '开票人员'
    },
    pay: {
      menu: '支付配置', title: '支付配置 · {name}', hint: '未配置支付方式时，小程序不能支付启动充电；已发放的电卡（小程序虚拟卡、实体卡刷卡）仍可充电。',
      leshua: '乐刷', suixingpay: '随行付', wechat: '微信支付', enabled: '启用',
      merchantNo: '商户号', profitSharing: '开启分账', splitAccounts: '分账账号', account: '分账账号', accountName: '账户名称',
      ratio: '分账比例', ratioSum: '分账比例合计：{sum}%', ratioOver: '分账比例合计不能超过100%', addAccount: '添加分账账号',
      noAccounts: '暂无分账账号', orgId: '机构号', mchId: '商户号', appId: 'AppID', serialNo: '证书序列号', apiV3Key: 'APIv3 密钥',
      secretSet: '已设置（留空或保持掩码则不修改）', secretKeep: '保持不变', saved: '支付配置已保存',
      accountRequired: '请填写分账账号和比例',
      receiverType: '类型', typeMerchant: '商户', typePersonal: '个人'
    },
    qr: {
      template: { plain: '简洁二维码', labelled: '带编号标签', card: '品牌卡片' },
      download: '下载{name}', url: '二维码链接',
      hint: '微信扫描二维码可跳转到详情页进行充电；选择模板后点击下载，保存为 PNG 图片。'
    },
    export: {
      starting: '正在创建导出任务…', running: '正在生成 Excel…', done: '导出完成', failed: '导出失败',
      rows: '已写入 {written} / {total} 行', download: '下载文件', downloaded: '已开始下载'
    },
    prepay: {
      add: '添加金额', max: '最多 12 个预付值', dup: '预付值不能重复', positive: '预付值须大于 0', count: '（{n}/12）'
    },
    command: {
      confirm: '确认要对“{name}”执行“{action}”吗？', accepted: '“{action}”已执行', failed: '“{action}”未执行：{reason}',
      // the reason code of a device command's reply (docs/api-car.md "Device commands")
      reason: {
        accepted: '设备已执行', offline: '设备不在线', timeout: '设备未在规定时间内应答', refused: '设备拒绝执行',
        not_plugged_in: '车辆未插枪', not_charging: '该枪没有正在进行的充电', busy: '设备正忙（充电枪已被占用）',
        failed: '设备执行失败', unsupported_by_device: '设备不支持该指令',
        unsupported_by_protocol: '该电桩的通信协议不支持此指令，平台未下发', invalid_argument: '指令不适用于该设备，平台未下发',
        no_tariff: '所在区域没有生效的计费规则，平台未下发'
      }
    },
    noTariff: {
      mark: '无生效计费', hint: '所在区域没有生效的计费规则：不能启动充电（汽车桩也不能同步计费规则），小程序向司机显示原因。请在“计费规则”中为该区域新增规则——区域的第一条规则保存后立即生效。'
    }
  }
}
