// 设备网关：上下线记录（STAT-ONLINE）与设备报文日志
export default {
  device: {
    type: { car_pile: '汽车电桩', car_camera: '车位相机', car_lock: '车位锁', bike_device: '单车设备' },
    protocol: { ocpp16: 'OCPP 1.6J', ykc: '云快充' },
    online: {
      deviceType: '设备类型', station: '所属电站', state: '状态', online: '上线', offline: '下线',
      deviceName: '设备名称', deviceCode: '设备编码', deviceSn: '出厂编号', codeOrName: '编码/名称', codeOrNamePh: '设备编码或名称',
      protocol: '协议', reason: '原因', remoteIp: '远端地址', time: '时间', timeRange: '时间范围',
      beginTime: '开始时间', endTime: '结束时间', lastDays: '最近 {n} 天',
      carStations: '汽车电站', bikeStations: '单车电站',
      chartTitle: '上下线事件（每小时）', chartHint: '按当前筛选条件统计', chartEmpty: '所选时间范围内没有上下线事件',
      nowOnline: '当前在线 · {type}',
      onlineEvents: '上线次数', offlineEvents: '下线次数', total: '合计 {online} 次上线 / {offline} 次下线',
      reasons: {
        closedByDevice: '设备关闭连接', closed: '连接断开', idle: '心跳超时', tooBig: '报文超长', replaced: '被新连接替换',
        shutdown: '平台停机', restart: '平台重启', malformed: '异常报文过多'
      }
    },
    ocppPassword: {
      menu: '连接密码', title: 'OCPP 连接密码 · {name}', prompt: '设备以 HTTP Basic 认证连接（用户名为设备编码），16–40 个可见 ASCII 字符，不含冒号。保存后旧密码立即失效。',
      invalid: '须为16到40个可见ASCII字符（不含冒号）', saved: '连接密码已保存',
    },
    messages: {
      menu: '报文日志', title: '报文日志 · {name}', refresh: '刷新', autoRefresh: '自动刷新',
      session: '连接状态', online: '在线', offline: '离线', protocol: '协议', remoteIp: '远端地址', since: '上线时间', lastSeen: '最近通信',
      meters: '最新计量值', connector: '枪/插座', connectorWhole: '整机', energy: '电能表读数', power: '功率', current: '电流', voltage: '电压', soc: 'SoC',
      amount: '已充金额', gunState: '枪状态', abnormal: '异常',
      transactionId: '交易号', meterTime: '上报时间', noMeters: '暂无计量值（设备充电时每隔数秒上报）',
      frames: '最近报文', framesHint: '每个方向保留最近的若干条，最新在前；平台重启后清空', direction: '方向', in: '上行', out: '下行',
      frameType: '类型', action: '动作', messageId: '消息ID', frame: '报文', time: '时间', noFrames: '暂无报文（设备尚未连接过平台）',
      all: '全部', copy: '复制报文', expand: '展开', collapse: '收起'
    }
  }
}
