// 订单管理：汽车订单、单车订单、支付订单、退费管理（docs/api-order.md）
export default {
  order: {
    common: {
      station: '电站', area: '区域', orderNo: '订单编号', phone: '手机号', cardNo: '卡号', status: '订单状态',
      startMethod: '启动方式', createTime: '下单时间', startTime: '开始时间', endTime: '结束时间', endReason: '结束原因',
      prepaid: '预付金额', energyFee: '电费', serviceFee: '服务费', charged: '订单金额', refunded: '已退金额', energy: '充电量',
      prepayReturned: '预付退回', feeRefunded: '退费', costSoFar: '实时', costSoFarValue: '{v}（实时）', costSoFarHint: '充电中订单的实时费用（结算后为订单金额）',
      power: '功率', duration: '充电时长', fee: '费用', plate: '车牌号', reservationNo: '预约单号', factoryNo: '出厂标识',
      yuan: '元', kwh: 'kWh', kw: 'kW', amountYuan: '{v} 元',
      capped: '匹配超过 {n} 条，仅可翻看前 {n} 条，请缩小查询范围',
      end: '结束订单', refund: '退费', export: '导出', detail: '详情',
      split: '分账', splitStatus: '分账状态', splitConfirm: '订单 {no} 的分账失败，确认重新分账？', splitDone: '已重新提交分账',
      endConfirm: '确认结束订单“{no}”吗？将按设备最后上报的数据结算，未用完的预付金额自动原路退回。',
      endDone: '订单已结束', endTitle: '结束订单',
      refundTitle: '订单退费', refundMax: '最多可退', refundAmount: '退费金额', refundReason: '退费原因',
      refundAll: '全额退费', refundCustom: '自定义金额', refundOverMax: '退费金额不能超过最多可退金额 {max} 元',
      refundAmountRequired: '请输入大于 0 的退费金额', refundReasonRequired: '请填写退费原因',
      refundConfirm: '确认向用户原路退回 {amount} 元吗？', refundDone: '退费已提交，等待支付渠道处理',
      refundFailed: '支付渠道拒绝退费：{msg}',
      sectionOrder: '订单信息', sectionDevice: '设备信息', sectionFee: '费用信息', sectionPayments: '支付记录',
      sectionCardLedger: '电卡流水', sectionRefunds: '退费记录', sectionBilling: '计费明细', sectionTariff: '计费规则', sectionLedger: '资金流水',
      stuckHeld: '预付款退回失败：{amount} 元仍冻结在平台，可点击「退费」原路退回', noPayments: '暂无支付记录', noRefunds: '暂无退费记录', noBilling: '暂无计费明细（订单结算后生成）',
      tier: '时段', tierEnergy: '电量', tierEnergyFee: '电费', tierServiceFee: '服务费', tierAmount: '金额',
      chargedEnergyFee: '实收电费', chargedServiceFee: '实收服务费', billingCapped: '按预付封顶', billingMethod: '计费依据', billingTotal: '应收金额',
      billedBy: { meter: '按电表读数（平台分时计费）', device_tiers: '按电桩上报的分时电量' },
      bikeBill: {
        durationS: '充电时长', billedS: '计费时长', units: '计费单元数', powerW: '计费功率', band: '功率档位',
        energyFeeExact: '电费（精确，元）', serviceFeeExact: '服务费（精确，元）', gross: '应收（免费前，元）',
        free: '免费时长内结束', maxDurationReached: '达到最长充电时长', cap: '封顶',
        caps: { none: '未封顶', autoStopAmount: '按自停金额封顶', prepaid: '按预付金额封顶' }
      },
      selectTypeFirst: '请先选择订单类型',
      withYuan: '{label}（元）',
      tierPeriod: '起止时间', tierPrice: '单价',
      tariffName: '计费规则', tariffMode: '计费模式', tariffVersion: '版本', tariffEffective: '生效时间'
    },
    reservation: {
      no: '预约单号', spot: '车位', spotCode: '车位编号', occupancy: '占位时长', end: '结束预约', endConfirm: '确认结束预约“{no}”吗？',
      endDone: '预约已结束', detailTitle: '预约订单详情', section: '预约信息', stays: '占位记录', noStays: '暂无占位记录', stayNo: '占位单号',
      entered: '进入时间', left: '离开时间', fee: '占位费', chargeOrders: '充电订单明细', noChargeOrders: '暂无充电订单',
      lockOpened: '开闸时间', lockClosed: '关闸时间', expiresAt: '超时时间', arrivedAt: '到达时间', endedBy: '结束人',
      reasons: { left: '离开车位', admin: '平台结束', driver: '用户取消', timeout: '超时未到达' }
    },
    car: {
      pile: '电桩', pileCode: '电桩编号', pileSn: '电桩SN', gunCode: '充电枪编号', currentType: '电流类型',
      detailTitle: '汽车订单详情', exportTitle: '导出汽车订单', pileType: '电桩类型'
    },
    bike: {
      device: '设备', deviceCode: '设备编号', deviceSn: '设备SN', socket: '插座', socketCode: '插座编号', socketNo: '插座号',
      prepaidDuration: '预付时长', detailTitle: '单车订单详情', exportTitle: '导出单车订单',
      endConfirm: '确认结束订单“{no}”吗？结算后未用完的预付金额自动原路退回。',
      customDuration: '按自定义时长结算', durationMinutes: '结算时长（分钟）',
      endHint: '不填写时按设备最后上报的充电时长结算。', durationInvalid: '请输入 0 到 2880 之间的整数分钟（最长 48 小时）'
    },
    payment: {
      payNo: '支付单号', orderType: '订单类型', payType: '支付方式', status: '支付状态', amount: '支付金额',
      paidAmount: '实付金额', capturedAmount: '扣款金额', refundedAmount: '已退金额', refundPending: '退款中',
      heldAmount: '冻结中', merchantNo: '商户号', provider: '支付渠道', gatewayTxnNo: '第三方交易号',
      notifyBody: '第三方回调', description: '商品描述', createTime: '创建时间', payTime: '支付时间', expireTime: '过期时间',
      chargeOrderId: '充电订单', detailTitle: '支付订单详情', exportTitle: '导出支付订单',
      reconcile: '对账检查', reconcileOk: '对账平衡：所有支付订单的资金与流水一致',
      reconcileBad: '对账发现 {n} 处不平', reconcileTitle: '对账检查结果', problem: '问题',
      accounts: { payer: '付款人', held: '预付冻结', refunding: '退款中', revenue: '营收' },
      ledgerTxn: '流水号', ledgerKind: '类型', ledgerAccount: '账户', ledgerAmount: '金额', ledgerTime: '时间'
    },
    invoice: {
      stationType: '订单类型', status: '开票状态', invoiceNo: '发票编号', invoiceNumber: '发票号码', invoiceCode: '发票代码',
      title: '发票抬头', titleType: '抬头类型', taxpayerId: '纳税人识别号', applicant: '申请人', source: '申请来源',
      createTime: '申请时间', finishTime: '完成时间', issueTime: '开票时间', amount: '开票金额', tax: '税额', email: '邮箱', phone: '手机号',
      merchantNo: '商户号', invoiceLine: '发票类型', lineTypes: { pc: '数电普票', bs: '数电专票' }, serialNo: '流水号',
      failReason: '失败原因', redNumber: '红字发票号码', voidTime: '作废时间', orders: '开票订单', orderCount: '订单数',
      lines: '发票明细', lineName: '项目名称', lineCode: '税收分类编码', quantity: '数量', unit: '单位', price: '单价（不含税）',
      rate: '税率', excluded: '金额（不含税）', lineTax: '税额', lineAmount: '价税合计',
      seller: '销售方', sellerName: '名称', sellerTaxpayerId: '纳税人识别号', sellerAddress: '地址电话', sellerBank: '开户行及账号',
      drawer: '开票人', sectionBuyer: '购买方信息', sectionInvoice: '发票信息', sectionSeller: '销售方信息', sectionLines: '发票明细',
      sectionOrders: '开票订单', sectionInvoices: '发票记录', noInvoices: '暂无发票', remark: '备注',
      download: '下载PDF', reissue: '重开', void: '作废', detailTitle: '发票详情',
      reissueConfirm: '确认对发票“{no}”重新开票吗？', reissueDone: '已重新提交开票',
      voidTitle: '作废发票', voidConfirm: '作废后发票无效（已开具的将红冲），其订单可重新开票。请填写作废原因：', voidReason: '作废原因', voidDone: '发票已作废',
      request: '开票', requestTitle: '申请开票', requestDone: '开票申请已提交，开票结果稍后返回', requestOrders: '开票订单',
      requestAmount: '开票金额（元）', titleRequired: '请填写发票抬头', taxpayerRequired: '企业抬头须填写纳税人识别号（15-20位数字或大写字母）',
      emailRequired: '请填写正确的邮箱', mergeHint: '同一电站、同一用户的多个订单可合并开一张发票', activeOrder: '有效'
    },
    refund: {
      refundNo: '退费单号', payNo: '支付单号', refundType: '退费类型', status: '退费状态', payee: '收款人',
      amount: '退费金额', payAmount: '支付金额', orderAmount: '订单金额', reason: '退费原因', operator: '操作人',
      gatewayRefundNo: '第三方退款单号', result: '退款结果', createTime: '申请时间', refundTime: '退款时间',
      detailTitle: '退费详情', exportTitle: '导出退费记录'
    },
    record: {
      deviceFlags: '设备记录', title: '设备交易记录', deviceType: '设备类型', device: '设备', deviceCode: '设备编号', connector: '枪/插座号',
      serial: '交易流水号', idTag: '启动标识', startMethod: '启动方式', startTime: '开始时间', stopTime: '结束时间',
      meterStart: '电表起值', meterStop: '电表止值', energy: '电量（kWh）', amount: '设备金额（元）', status: '状态',
      stopReason: '结束原因', flags: '待核对原因', flagged: '需核对', flaggedOnly: '仅看异常', withoutOrder: '无平台订单',
      withoutOrderOnly: '仅看无订单', order: '平台订单', noOrder: '无订单', reconcile: '核对状态', reconcileNote: '核对备注',
      reconciledBy: '核对人', reconciledAt: '核对时间', review: '核对', reopen: '重新打开', reviewTitle: '核对交易记录',
      reviewHint: '无平台订单的记录（刷卡、VIN、离线或未知交易）待储值卡等功能上线后可关联订单；请记录核对结论。',
      notePlaceholder: '核对结论，例如：刷卡启动，待储值卡功能上线后补单', reviewDone: '已标记为已核对', reopenDone: '已重新打开',
      detailTitle: '交易记录详情', energyAmount: '电量（kWh）/ 金额（元）', statusReconcile: '状态 / 核对', orderFlags: '平台订单 / 核对原因',
      yes: '是', no: '否', viewRecords: '交易记录'
    }
  }
}
