// Statistics (STAT-*) — docs/api-stat.md
export default {
  stat: {
    common: {
      provider: 'Provider', property: 'Property', export: 'Export',
      phoneHint: 'Mobile or landline'
    },
    station: {
      stationType: 'Station type', car: 'Car', bike: 'E-bike', station: 'Station', typeFirst: 'Pick a type first', day: 'Date',
      sessions: 'Sessions', duration: 'Charging time', energy: 'Energy (kWh)', energyFee: 'Energy fee', serviceFee: 'Service fee',
      occupancyFee: 'Occupancy fee', charged: 'Charged', refunds: 'Refunds', refunded: 'Refunded', net: 'Net',
      total: 'Total', chart: 'Charged and net per day of the range (yuan)', empty: 'No data in the range', exportTitle: 'Export station report'
    },
    capture: {
      cameraCode: 'Camera code', factoryNo: 'Factory ID', plate: 'Plate', time: 'Captured at', photo: 'Photo', camera: 'Camera',
      spot: 'Spot', decision: 'Result', source: 'Source', confidence: 'Confidence', manual: 'Manual', auto: 'Recognised',
      offline: 'Sent after offline', expired: 'Past retention', noPlate: 'No plate',
      reasons: { new_energy: 'New-energy plate', fuel_refused: 'Fuel plate, kept closed', not_allowed: 'Not allowed in', left: 'Car left', error: 'Rules failed', reservation: 'Reserved car', whitelist: 'Whitelisted plate', disabled: 'Camera disabled' },
      decisions: { open: 'Opened', closed: 'Kept closed' },
      color: { 0: 'Unknown colour', 1: 'Blue', 2: 'Yellow', 3: 'White', 4: 'Black', 5: 'Green' },
      direction: { 0: 'Unknown', 1: 'Left', 2: 'Right', 3: 'Entering', 4: 'Leaving' }
    },
    split: {
      orderNo: 'Order no.', splitNo: 'Split no.', merchantNo: 'Main merchant', receiver: 'Receiver', receiverPh: 'Account or name',
      operator: 'Operator', orderType: 'Order type', status: 'Status', stationType: 'Station type', station: 'Station',
      fee: 'Order (yuan)', amount: 'Split (yuan)', merchantAmount: 'Kept by merchant (yuan)', returned: 'Returned (yuan)', returnedSub: 'Returned',
      receivers: 'Receivers', attempts: 'Attempts', result: 'Result', createTime: 'Created', finishTime: 'Finished',
      nextAttemptTime: 'Next retry', payNo: 'Payment no.', gatewayOrderId: 'Gateway split no.',
      revoke: 'Revoke', resplit: 'Re-split', detailTitle: 'Split details', sectionReceivers: 'Receivers', sectionReturns: 'Returns',
      type: 'Type', account: 'Account', name: 'Name', ratio: 'Ratio', returnNo: 'Return no.', reason: 'Reason', returnStatus: 'Return status',
      revokeTitle: 'Revoke split', revokeConfirm: 'Revoke split {no}? Each receiver\'s share goes back to the main merchant (asynchronously).',
      revokeDone: '{n} return(s) submitted; the result follows shortly', resplitConfirm: 'Split {no} again?', resplitDone: 'Split submitted again',
      noReturns: 'No returns'
    },
    call: {
      caller: 'Caller', agent: 'Agent',
      callerName: 'Caller name', callerPhone: 'Caller phone', agentName: 'Agent name', agentPhone: 'Agent phone',
      callTime: 'Call time', content: 'Call content',
      addTitle: 'Add call record', editTitle: 'Edit call record', detailTitle: 'Call record', exportTitle: 'Export call log'
    },
    fault: {
      reporter: 'Reporter', repairer: 'Repairer',
      reporterName: 'Reporter name', reporterPhone: 'Reporter phone', repairerName: 'Repairer name', repairerPhone: 'Repairer phone',
      qReporterName: 'Reporter', qReporterPhone: 'Reporter tel.', qRepairerName: 'Repairer', qRepairerPhone: 'Repairer tel.',
      summary: 'Summary', detail: 'Details', solution: 'Solution', state: 'State', source: 'Source', faultCode: 'Fault code',
      device: 'Device', deviceSection: 'Device (optional)', deviceType: 'Device type', deviceCode: 'Device code',
      noDevice: 'No device', devicePh: 'Search this property\'s devices by code', orderNo: 'Order no.', solvedTime: 'Solved at',
      solutionRequired: 'A solved fault needs a solution',
      addTitle: 'Add fault record', editTitle: 'Edit fault record', detailTitle: 'Fault record', exportTitle: 'Export fault log'
    }
  }
}
