// 单车管理 (BIKE-*) — labels follow platform-spec.zh.txt §3.3
export default {
  bike: {
    common: {
      station: '所属电站', area: '所属区域', stationName: '电站名称', areaName: '区域名称',
      provider: '所属服务商', property: '所属物业', basicInfo: '基本信息',
      online: '在线状态', onlineYes: '在线', onlineNo: '离线', lastSeen: '最后通讯时间',
      qrView: '查看二维码', qrExport: '二维码导出', selectStationFirst: '请先选择电站',
      yuan: '元', w: 'W', v: 'V', a: 'A', kwh: '度', minutes: '分钟',
      none: '无'
    },
    station: {
      name: '电站名称', shortName: '电站简称', servicePhone: '服务电话', operationType: '运营性质', openingHours: '营业时间',
      openingHoursInvalid: '结束时间须晚于开始时间', auditStatus: '审核状态', status: '电站状态', audit: '审核',
      invoiceConfigured: '发票配置', payConfigured: '支付配置',
      addTitle: '添加电站', editTitle: '修改电站', detailTitle: '电站详情',
      sectionOwner: '归属信息', sectionBasic: '基本信息',
      defaultAreaHint: '添加单车电站时会自动生成一个默认区域', auditHint: '新增的电站需经服务商或平台审核通过后方可运营',
      counts: { areas: '区域数量', devices: '设备数量', sockets: '插座数量' }
    },
    area: {
      code: '区域编号', name: '区域名称', phone: '电话', status: '区域状态', isDefault: '默认区域', defaultTag: '默认',
      addTitle: '添加区域', editTitle: '修改区域', detailTitle: '区域详情',
      counts: { devices: '设备数量', sockets: '插座数量', tariffs: '计费规则' },
      deleteHint: '区域下有充电设备或计费规则时需先删除设备与计费规则；默认区域不可删除',
      disabledHint: '禁用的区域不能添加充电设备与计费规则，小程序端不展示区域下的充电设备'
    },
    device: {
      code: '设备编号', factoryNo: '出厂标识', name: '设备名称', deviceType: '设备类型', location: '位置信息',
      ratedPower: '额定功率', ratedVoltage: '额定电压', ratedCurrent: '额定电流',
      currentUpperLimit: '电流上限', currentLowerLimit: '电流下限', socketsN: '{n} 路', socketCount: '插座数量',
      productionDate: '生产日期', deploymentDate: '投放日期', protocol: '通讯协议', status: '系统状态',
      codeHint: '留空自动分配（12 位数字）', codeInvalid: '设备编号须为 12 位数字',
      socketCountHint: '保存后按数量自动生成插座（编号 = 设备编号 + 2 位插座号），之后不可修改',
      limitInvalid: '电流下限不能大于电流上限', immutable: '设备编号、出厂标识、插座数量保存后不可修改',
      sectionBasic: '基本信息', sectionElectrical: '电气参数', sectionDates: '日期信息',
      addTitle: '添加设备', editTitle: '修改设备', detailTitle: '设备详情',
      refresh: '刷新状态', reboot: '重启设备', refreshOnline: '“{name}”在线，状态已刷新', sockets: '插座列表',
      exportTitle: '设备二维码导出', qrTitle: '设备二维码 · {name}',
      confirmDelete: '是否确认删除设备“{name}”？其下的 {n} 个插座将一并删除。'
    },
    socket: {
      code: '插座编号', socketNo: '插座号', name: '插座名称', deviceCode: '设备编号', deviceName: '设备名称',
      factoryNo: '出厂标识', state: '插座状态', status: '系统状态', qrUrl: '二维码链接',
      editTitle: '编辑插座', detailTitle: '插座详情', exportTitle: '插座二维码导出', qrTitle: '插座二维码 · {name}'
    },
    tariff: {
      name: '计费名称', mode: '计费类型', status: '计费状态',
      maxDuration: '自停阈值', maxDurationHint: '可充电的最大时长，最大不能超过48小时', maxDurationInvalid: '自停阈值为 1 分钟 ~ 48 小时',
      autoStopAmount: '自停金额', autoStopAmountHint: '最大充电时长对应的计费金额，订单费用不超过该金额',
      autoStopSuggest: '按规则计算：{amount} 元', useSuggest: '填入',
      freeMinutes: '免费时长', freeMinutesHint: '启动充电后免费时长内结束充电不计费；超过免费时长按规则金额从第 0 分钟起计费',
      freeInvalid: '免费时长须小于自停阈值',
      unitMinutes: '时长', unitMinutesHint: '计费单元，不足一个单元按一个单元计（60 = 按小时）',
      unitPrice: '金额', unitPriceA: '每单元金额', unitPriceD: '服务费',
      energyPrice: '电费单价', servicePrice: '服务费单价',
      referencePower: '参考功率', referencePowerHint: '未上报功率时用于预付金额换算时长与计费测试',
      perUnit: '元/{n}分钟', perKwh: '元/度',
      bands: '功率区间', bandsService: '服务费功率区间', bandMin: '最小功率', bandMax: '最大功率', bandOpenEnd: '以上', bandPrice: '单价',
      bandOpen: '{min}W以上', bandLine: '{range}：{price}', autoStopCol: '自停阈值 / 金额', addBand: '添加区间', bandsHint: '区间按功率从 0W 起连续覆盖，不能有缺口或重叠；仅最高区间可不设上限',
      bandsEmpty: '请至少添加一个功率区间', bandRowMin: '第 {n} 行最小功率无效', bandRowMax: '第 {n} 行最大功率须大于最小功率', bandRowPrice: '第 {n} 行请填写单价',
      bandGap: '{range} 缺失', bandOverlap: '{a} 与 {b} 重叠', bandsOk: '区间连续，覆盖 0W 以上全部功率', bandsFix: '请先修正功率区间',
      sessionPowerHint: '按会话中持续 60 秒以上的最高功率确定区间，整单按该区间计费',
      effectiveHint: '保存后立即生效（启用状态）：该区域的设备即可开始充电',
      modeHint: {
        A: '根据设备的充电时长计费：每个计费单元收取固定金额',
        B: '根据设备的充电功率及时长计费：按功率所在区间的单价 × 计费单元数',
        C: '按电量计算电费和服务费',
        D: '按电量计算电费，服务费按小时固定收取（不足一小时按一小时）',
        E: '按电量计算电费，服务费根据设备的充电功率及时长计算'
      },
      sectionBasic: '基本信息', sectionRule: '计费规则', sectionCommon: '自停与免费',
      addTitle: '添加计费规则', editTitle: '修改计费规则', detailTitle: '计费规则详情', summary: '计费单价',
      prepay: '预付值', prepayTitle: '预付值 · {name}', prepayHint: '小程序端用户单车充电时可选择的预付金额，最多 12 个，须为正数且不重复', prepayOk: '预付值已保存',
      billingTest: '计费测试', billingTestTitle: '计费测试 · {name}', duration: '充电时长', power: '充电功率', powerHint: '不填按参考功率 {w}W',
      calc: '计 算', totalFee: '总费用', energyFee: '电费', serviceFee: '服务费', result: '计费明细',
      durationS: '充电时长', billedS: '计费时长', units: '计费单元数', band: '功率区间', powerW: '会话功率', energy: '电量',
      free: '免费时长内结束，不计费', capApplied: '已按{cap}封顶', gross: '规则金额',
      testHint: '输入充电时长（按功率计费时再输入功率），由服务端计费引擎按规则区间计算',
      prepayDuration: '预付金额可充时长', prepayAmount: '预付金额', prepayCalc: '换算', prepayResult: '可充 {d}（费用 {fee} 元）',
      prepayMaxReached: '已达自停阈值',
      confirmDelete: '是否确认删除计费规则“{name}”？'
    }
  }
}
