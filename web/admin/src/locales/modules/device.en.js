// Device gateway: online/offline log (STAT-ONLINE) and the per-device message log
export default {
  device: {
    type: { car_pile: 'Car pile', car_camera: 'Spot camera', car_lock: 'Spot lock', bike_device: 'E-bike device' },
    protocol: { ocpp16: 'OCPP 1.6J', ykc: 'YKC' },
    online: {
      deviceType: 'Device type', station: 'Station', state: 'State', online: 'Online', offline: 'Offline',
      deviceName: 'Device name', deviceCode: 'Device code', deviceSn: 'Factory no.', codeOrName: 'Code / name', codeOrNamePh: 'Device code or name',
      protocol: 'Protocol', reason: 'Reason', remoteIp: 'Remote IP', time: 'Time', timeRange: 'Time range',
      beginTime: 'Start time', endTime: 'End time', lastDays: 'Last {n} days',
      carStations: 'Car stations', bikeStations: 'E-bike stations',
      chartTitle: 'Online / offline events per hour', chartHint: 'for the current filters', chartEmpty: 'No online/offline events in the selected range',
      nowOnline: 'Online now · {type}',
      onlineEvents: 'Online', offlineEvents: 'Offline', total: '{online} online / {offline} offline in total',
      reasons: {
        closedByDevice: 'Closed by the device', closed: 'Connection lost', idle: 'Heartbeat timeout', tooBig: 'Frame too large', replaced: 'Replaced by a new connection',
        shutdown: 'Platform shutdown', restart: 'Platform restart', malformed: 'Too many malformed frames'
      }
    },
    ocppPassword: {
      menu: 'Connection password', title: 'OCPP connection password · {name}', prompt: 'The device connects with HTTP Basic auth (user = its code): 16–40 visible ASCII characters, no colon. The old password stops working at once.',
      invalid: '16 to 40 visible ASCII characters, no colon', saved: 'Connection password saved',
    },
    messages: {
      menu: 'Message log', title: 'Message log · {name}', refresh: 'Refresh', autoRefresh: 'Auto refresh',
      session: 'Connection', online: 'Online', offline: 'Offline', protocol: 'Protocol', remoteIp: 'Remote address', since: 'Online since', lastSeen: 'Last seen',
      meters: 'Latest meter values', connector: 'Connector', connectorWhole: 'Whole device', energy: 'Energy register', power: 'Power', current: 'Current', voltage: 'Voltage', soc: 'SoC',
      amount: 'Amount so far', gunState: 'Gun state', abnormal: 'Abnormal',
      transactionId: 'Transaction', meterTime: 'Reported', noMeters: 'No meter values yet (sent every few seconds while charging)',
      frames: 'Recent frames', framesHint: 'the latest frames each way, newest first; cleared when the platform restarts', direction: 'Direction', in: 'In', out: 'Out',
      frameType: 'Type', action: 'Action', messageId: 'Message ID', frame: 'Frame', time: 'Time', noFrames: 'No frames (the device has not connected yet)',
      all: 'All', copy: 'Copy frame', expand: 'Expand', collapse: 'Collapse'
    }
  }
}
