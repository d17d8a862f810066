// 统计分析 (STAT-*) — docs/api-stat.md
export default {
  stat: {
    common: {
      provider: '服务商', property: '所属物业', export: '导出',
      phoneHint: '手机号或座机号'
    },
    station: {
      stationType: '站点类型', car: '汽车', bike: '电单车', station: '站点', typeFirst: '先选站点类型', day: '日期',
      sessions: '充电次数', duration: '充电时长', energy: '电量(kWh)', energyFee: '电费(元)', serviceFee: '服务费(元)',
      occupancyFee: '占位费(元)', charged: '消费金额(元)', refunds: '退费笔数', refunded: '退费金额(元)', net: '净收入(元)',
      total: '合计', chart: '所选期间每日消费与净收入(元)', empty: '所选期间没有数据', exportTitle: '导出站点统计'
    },
    capture: {
      cameraCode: '相机编号', factoryNo: '出厂标识', plate: '车牌号', time: '抓拍时间', photo: '照片', camera: '相机',
      spot: '车位', decision: '处理结果', source: '来源', confidence: '置信度', manual: '手动抓拍', auto: '自动识别',
      offline: '离线补传', expired: '已过保留期', noPlate: '未识别',
      reasons: { new_energy: '新能源车牌', fuel_refused: '燃油车牌，不开锁', not_allowed: '不符合开锁规则', left: '车辆驶离', error: '规则处理出错', reservation: '预约车辆', whitelist: '白名单车牌', disabled: '相机已停用' },
      decisions: { open: '开锁', closed: '不开锁' },
      color: { 0: '未知颜色', 1: '蓝牌', 2: '黄牌', 3: '白牌', 4: '黑牌', 5: '绿牌' },
      direction: { 0: '方向未知', 1: '向左', 2: '向右', 3: '驶入', 4: '驶出' }
    },
    split: {
      orderNo: '订单编号', splitNo: '分账单号', merchantNo: '主商户号', receiver: '接收方', receiverPh: '账号或名称',
      operator: '操作人', orderType: '订单类型', status: '分账状态', stationType: '站点类型', station: '站点',
      fee: '订单金额(元)', amount: '分账金额(元)', merchantAmount: '主商户留存(元)', returned: '已回退(元)', returnedSub: '已回退',
      receivers: '接收方', attempts: '尝试次数', result: '结果', createTime: '创建时间', finishTime: '完成时间',
      nextAttemptTime: '下次重试', payNo: '支付单号', gatewayOrderId: '网关分账单号',
      revoke: '撤销', resplit: '重新分账', detailTitle: '分账详情', sectionReceivers: '分账接收方', sectionReturns: '回退记录',
      type: '类型', account: '账号', name: '名称', ratio: '比例', returnNo: '回退单号', reason: '原因', returnStatus: '回退状态',
      revokeTitle: '撤销分账', revokeConfirm: '确认撤销分账 {no}？各接收方的分账金额将回退给主商户（异步完成）。',
      revokeDone: '已提交回退 {n} 笔，结果稍后更新', resplitConfirm: '确认对分账 {no} 重新分账？', resplitDone: '已重新提交分账',
      noReturns: '暂无回退记录'
    },
    call: {
      caller: '用户', agent: '客服',
      callerName: '用户姓名', callerPhone: '用户电话', agentName: '客服姓名', agentPhone: '客服电话',
      callTime: '通话时间', content: '通话内容',
      addTitle: '新增接听记录', editTitle: '修改接听记录', detailTitle: '接听记录详情', exportTitle: '导出接听记录'
    },
    fault: {
      reporter: '报修用户', repairer: '维修员',
      reporterName: '用户姓名', reporterPhone: '用户电话', repairerName: '维修员姓名', repairerPhone: '维修员电话',
      qReporterName: '用户姓名', qReporterPhone: '用户电话', qRepairerName: '维修员', qRepairerPhone: '维修电话',
      summary: '故障简介', detail: '故障详情', solution: '解决方案', state: '状态', source: '来源', faultCode: '故障码',
      device: '关联设备', deviceSection: '关联设备（选填）', deviceType: '设备类型', deviceCode: '设备编号',
      noDevice: '不关联设备', devicePh: '输入编号搜索本物业的设备', orderNo: '订单编号', solvedTime: '解决时间',
      solutionRequired: '已解决的故障须填写解决方案',
      addTitle: '新增故障记录', editTitle: '修改故障记录', detailTitle: '故障记录详情', exportTitle: '导出故障记录'
    }
  }
}
