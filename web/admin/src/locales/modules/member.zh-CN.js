// 会员中心：电卡产品、卡管理、会员管理、车主管理、集体户管理（docs/api-member.md）
export default {
  member: {
    common: {
      provider: '服务商', property: '所属物业', phone: '手机号', nickname: '昵称', realName: '姓名', plate: '车牌号',
      plates: '车牌号', platesPh: '多个车牌用逗号分隔，最多 5 个', plateInvalid: '车牌号“{plate}”格式不正确', platesMax: '最多 {n} 个车牌',
      balance: '余额', balanceYuan: '余额（元）', yuan: '元', yuanValue: '{v} 元', listSep: '；',
      selectPropertyFirst: '请先选择所属物业'
    },
    product: {
      name: '产品名称', productType: '产品类型', issueType: '发卡类型', price: '售价', faceValue: '面值',
      priceFace: '面值 / 售价（元）', priceShort: '售价 {v}', stations: '适用电站', carShort: '汽车', bikeShort: '单车',
      carStations: '汽车电站', bikeStations: '单车电站', stationsPh: '请选择适用电站（可多选）', notForType: '该产品类型不适用',
      stationRequired: '请至少选择一个适用电站', bonusTiers: '充值赠送', tiers: '赠送档位', cardCount: '发卡数',
      tierMin: '充值满', tierBonus: '元，赠送', tierText: '满{min}元送{bonus}元', addTier: '添加赠送档位', noTiers: '不赠送',
      tierPositive: '第{n}档：充值金额和赠送金额都应大于0', tierBonusOver: '第{n}档：赠送金额不能超过充值金额',
      tierAscending: '第{n}档：充值金额应大于上一档',
      sectionBasic: '产品信息', sectionStations: '适用电站', sectionBonus: '充值赠送',
      addTitle: '新增电卡产品', editTitle: '修改电卡产品', detailTitle: '电卡产品详情'
    },
    card: {
      cardNo: '卡号', physicalNo: '物理卡号', holder: '持卡人', product: '电卡产品', collective: '集体户',
      validity: '有效期', validityHint: '不选则自今日起长期有效', fromNoEnd: '{from} 起长期有效',
      cardNoPh: '卡面印刷号，6-16位数字', physicalNoPh: 'IC卡UID（十六进制，可不填）', cardNoSearchPh: '卡号或物理卡号',
      cardNoInvalid: '卡号应为6-16位数字', physicalNoInvalid: '物理卡号应为8、14或16位十六进制',
      faceShort: '面值 {v}', balanceShort: '余额 {v} 元', charging: '使用状态', chargingNow: '充电中', idle: '空闲',
      productSummary: '售价 {price} 元，面值 {face} 元', collectiveDebit: '发卡将从集体户扣除面值 {face} 元（当前余额 {balance} 元）',
      sectionHolder: '持卡人', sectionCard: '卡信息',
      issue: '发卡', issued: '发卡成功', issueTitle: '发卡', editTitle: '修改卡信息', detailTitle: '卡详情'
    },
    topup: {
      action: '充值', submit: '确认充值', cardTitle: '卡充值', collectiveTitle: '集体户充值', amount: '充值金额',
      amountRequired: '请输入大于 0 的充值金额', noBonus: '该产品无充值赠送',
      bonus: '赠送 {v} 元', noBonusReached: '未达赠送档位', credited: '实际到账 {v} 元',
      fromCollective: '集体卡充值从所属集体户“{name}”余额中扣除',
      confirmCard: '确认为卡“{no}”充值 {amount} 元（赠送 {bonus} 元）吗？',
      confirmCollective: '确认为集体户“{name}”充值 {amount} 元吗？', done: '充值成功，当前余额 {v} 元'
    },
    ledger: { title: '资金流水', time: '时间', kind: '类型', amount: '金额（元）', orderNo: '订单编号', txnNo: '流水号' },
    member: {
      cardCount: '持卡数', balance: '卡余额合计', balanceYuan: '卡余额（元）', lastCardTime: '最近开卡',
      cards: '卡详情', cardList: '持有的卡', cardsTitle: '会员卡详情 · {name}', editTitle: '修改会员'
    },
    owner: {
      gender: '性别', genderUnset: '未填', verified: '认证状态', verifiedAt: '认证时间', source: '来源 / 归属',
      counts: '卡数 / 订单数', cardCount: '卡数', orderCount: '订单数', lastLoginTime: '最后登录',
      verify: '认证', unverify: '取消认证', verifyConfirm: '确认认证车主“{name}”吗？认证后可预约车位。',
      unverifyConfirm: '确认取消车主“{name}”的认证吗？', phoneHint: '手机号即车主登录小程序的账号，添加后不可修改',
      addTitle: '新增车主', editTitle: '修改车主', detailTitle: '车主详情'
    },
    collective: {
      name: '集体户名称', contact: '联系人', phone: '联系电话', email: '邮箱', address: '地址', cardCount: '卡数',
      locked: '锁定状态', lock: '锁定', unlock: '解锁',
      lockConfirm: '确认锁定集体户“{name}”吗？锁定后不能再发卡。', unlockConfirm: '确认解锁集体户“{name}”吗？',
      addTitle: '新增集体户', editTitle: '修改集体户', detailTitle: '集体户详情'
    }
  }
}
