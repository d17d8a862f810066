// Statistics (STAT-*) — docs/api-stat.md
export default {
  stat: {
    common: {
      provider: 'Provider', property: 'Property', export: 'Export',
      phoneHint: 'Mobile or landline'
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
