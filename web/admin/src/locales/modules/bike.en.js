// E-bike charging (BIKE-*)
export default {
  bike: {
    common: {
      station: 'Station', area: 'Area', stationName: 'Station', areaName: 'Area',
      provider: 'Provider', property: 'Property', basicInfo: 'Basic information',
      online: 'Online', onlineYes: 'Online', onlineNo: 'Offline', lastSeen: 'Last seen',
      qrView: 'QR code', qrExport: 'Export QR codes', selectStationFirst: 'Select a station first',
      yuan: 'CNY', w: 'W', v: 'V', a: 'A', kwh: 'kWh', minutes: 'min',
      none: 'None'
    },
    station: {
      name: 'Station name', shortName: 'Short name', servicePhone: 'Service phone', operationType: 'Operation type', openingHours: 'Opening hours',
      openingHoursInvalid: 'The end must be after the start', auditStatus: 'Audit status', status: 'Station status', audit: 'Audit',
      invoiceConfigured: 'Invoice config', payConfigured: 'Payment config',
      addTitle: 'Add station', editTitle: 'Edit station', detailTitle: 'Station details',
      sectionOwner: 'Owner', sectionBasic: 'Basic information',
      defaultAreaHint: 'A default area is created with the station', auditHint: 'A new station operates once the provider or the platform approves it',
      counts: { areas: 'Areas', devices: 'Devices', sockets: 'Sockets' }
    },
    area: {
      code: 'Area code', name: 'Area name', phone: 'Phone', status: 'Area status', isDefault: 'Default area', defaultTag: 'Default',
      addTitle: 'Add area', editTitle: 'Edit area', detailTitle: 'Area details',
      counts: { devices: 'Devices', sockets: 'Sockets', tariffs: 'Tariffs' },
      deleteHint: 'Delete its devices and tariffs first; the default area cannot be deleted',
      disabledHint: 'A disabled area takes no new devices or tariffs; its devices are hidden in the app'
    },
    device: {
      code: 'Device code', factoryNo: 'Factory ID', name: 'Device name', deviceType: 'Device type', location: 'Location',
      ratedPower: 'Rated power', ratedVoltage: 'Rated voltage', ratedCurrent: 'Rated current',
      currentUpperLimit: 'Current upper limit', currentLowerLimit: 'Current lower limit', socketsN: '{n} socket | {n} sockets', socketCount: 'Sockets',
      productionDate: 'Production date', deploymentDate: 'Deployment date', protocol: 'Protocol', status: 'System status',
      codeHint: 'Empty: assigned (12 digits)', codeInvalid: 'The device code has 12 digits',
      socketCountHint: 'Creates this many sockets (code = device code + 2-digit socket no.); cannot change later',
      limitInvalid: 'The lower limit must not exceed the upper limit', immutable: 'Device code, factory ID and socket count cannot change after saving',
      sectionBasic: 'Basic information', sectionElectrical: 'Electrical', sectionDates: 'Dates',
      addTitle: 'Add device', editTitle: 'Edit device', detailTitle: 'Device details',
      refresh: 'Refresh status', reboot: 'Reboot', refreshOnline: '“{name}” is online; status refreshed', sockets: 'Sockets',
      exportTitle: 'Export device QR codes', qrTitle: 'Device QR · {name}',
      confirmDelete: 'Delete device “{name}” and its {n} sockets?'
    },
    socket: {
      code: 'Socket code', socketNo: 'No.', name: 'Socket name', deviceCode: 'Device code', deviceName: 'Device name',
      factoryNo: 'Factory ID', state: 'Socket state', status: 'System status', qrUrl: 'QR link',
      editTitle: 'Edit socket', detailTitle: 'Socket details', exportTitle: 'Export socket QR codes', qrTitle: 'Socket QR · {name}'
    },
    tariff: {
      name: 'Tariff name', mode: 'Tariff type', status: 'Tariff status',
      maxDuration: 'Auto-stop threshold', maxDurationHint: 'Longest charging time, at most 48 hours', maxDurationInvalid: 'Between 1 minute and 48 hours',
      autoStopAmount: 'Auto-stop amount', autoStopAmountHint: 'Fee at the threshold; no bill exceeds it',
      autoStopSuggest: 'By the rule: {amount} CNY', useSuggest: 'Use',
      freeMinutes: 'Free minutes', freeMinutesHint: 'A session ended within them costs nothing; beyond, the whole rule applies from minute 0',
      freeInvalid: 'Free minutes must be below the threshold',
      unitMinutes: 'Duration', unitMinutesHint: 'Billing unit; a started unit counts in full (60 = per hour)',
      unitPrice: 'Amount', unitPriceA: 'Amount per unit', unitPriceD: 'Service fee',
      energyPrice: 'Energy price', servicePrice: 'Service price',
      referencePower: 'Reference power', referencePowerHint: 'Used for prepay → duration and the billing test when no power is reported',
      perUnit: 'CNY / {n} min', perKwh: 'CNY/kWh',
      bands: 'Power bands', bandsService: 'Service-fee power bands', bandMin: 'Min power', bandMax: 'Max power', bandOpenEnd: 'and above', bandPrice: 'Price',
      bandOpen: '{min}W and above', bandLine: '{range}: {price}', autoStopCol: 'Auto-stop (time / amount)', addBand: 'Add band', bandsHint: 'Bands cover 0 W upwards with no gap or overlap; only the top band may be open',
      bandsEmpty: 'Add at least one power band', bandRowMin: 'Row {n}: invalid min power', bandRowMax: 'Row {n}: max power must exceed min power', bandRowPrice: 'Row {n}: enter a price',
      bandGap: '{range} missing', bandOverlap: '{a} overlaps {b}', bandsOk: 'Bands are contiguous from 0 W up', bandsFix: 'Fix the power bands first',
      sessionPowerHint: 'The highest power held for 60 s picks the band, which prices the whole session',
      effectiveHint: 'In force as soon as it is saved (while enabled): the area\'s devices can charge at once',
      modeHint: {
        A: 'By charging time: a fixed amount per billing unit',
        B: 'By power and time: the price of the power band × billing units',
        C: 'Energy fee and service fee per kWh',
        D: 'Energy fee per kWh plus a fixed service fee per started hour',
        E: 'Energy fee per kWh plus a service fee by power band and time'
      },
      sectionBasic: 'Basic information', sectionRule: 'Pricing', sectionCommon: 'Auto-stop and free minutes',
      addTitle: 'Add tariff', editTitle: 'Edit tariff', detailTitle: 'Tariff details', summary: 'Prices',
      prepay: 'Prepay values', prepayTitle: 'Prepay values · {name}', prepayHint: 'Amounts offered in the app before an e-bike session: at most 12, positive and distinct', prepayOk: 'Prepay values saved',
      billingTest: 'Billing test', billingTestTitle: 'Billing test · {name}', duration: 'Duration', power: 'Power', powerHint: 'Empty: reference power {w} W',
      calc: 'Calculate', totalFee: 'Total', energyFee: 'Energy fee', serviceFee: 'Service fee', result: 'Breakdown',
      durationS: 'Duration', billedS: 'Billed time', units: 'Billing units', band: 'Power band', powerW: 'Session power', energy: 'Energy',
      free: 'Ended within the free minutes: no charge', capApplied: 'Capped by the {cap}', gross: 'Rule amount',
      testHint: 'Enter a duration (and the power for power-based modes); the server\'s billing engine computes the bill',
      prepayDuration: 'Duration a prepaid amount buys', prepayAmount: 'Prepaid amount', prepayCalc: 'Convert', prepayResult: '{d} (fee {fee} CNY)',
      prepayMaxReached: 'Auto-stop threshold reached',
      confirmDelete: 'Delete tariff “{name}”?'
    }
  }
}
