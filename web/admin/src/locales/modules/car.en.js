// Car charging (CAR-*)
export default {
  car: {
    common: {
      station: 'Station', area: 'Area', stationName: 'Station', areaName: 'Area',
      provider: 'Provider', property: 'Property', basicInfo: 'Basic information', counts: 'Counts',
      online: 'Online', onlineYes: 'Online', onlineNo: 'Offline', lastSeen: 'Last seen',
      commands: 'Commands', qrView: 'View QR', qrExport: 'Export QR codes',
      confirmCommand: 'Send "{action}" to "{name}"?',
      commandAccepted: '"{action}" sent', commandAcceptedMsg: '"{action}" sent: {msg}',
      selectStationFirst: 'Select a station first', selectAreaFirst: 'Select an area first',
      yuan: 'CNY', yuanPerKwh: 'CNY/kWh', yuanPerHour: 'CNY/h', kw: 'kW', kva: 'kVA', w: 'W', a: 'A', v: 'V', kwh: 'kWh',
      minutes: 'min', none: 'None', code: 'Code', name: 'Name'
    },
    station: {
      name: 'Station name', operationType: 'Operation type', contact: 'Contact', contactPhone: 'Contact phone',
      intro: 'Introduction', hotline: 'Service hotline', openingHours: 'Opening hours', openFrom: 'From', openTo: 'To',
      maxPower: 'Max power', capacityLoad: 'Capacity load', address: 'Address', region: 'Region',
      coordinates: 'Coordinates', timezone: 'Time zone',
      auditStatus: 'Audit status', status: 'Station status',
      invoiceConfigured: 'Invoice', payConfigured: 'Payment', configured: 'Configured', notConfigured: 'Not set',
      audit: 'Audit',
      invoice: 'Invoice config', pay: 'Payment config', privateApply: 'Private pile applications',
      addTitle: 'Add station', editTitle: 'Edit station', detailTitle: 'Station details',
      sectionOwner: 'Ownership', sectionBasic: 'Basic information', sectionOperation: 'Operation',
      defaultAreaHint: 'A default area is created with the station', auditHint: 'New stations operate once approved by the provider or the platform',
      counts: { areas: 'Areas', piles: 'Piles', guns: 'Connectors', spots: 'Parking spots' },
      openingHoursInvalid: 'The end must be later than the start', coordInvalid: 'Longitude -180–180, latitude -90–90, at most 6 decimals'
    },
    privateApply: {
      title: 'Private pile application · {name}', qrHint: 'Owners scan the code with a phone and submit their contact details.',
      link: 'Application link', openLink: 'Open form', records: 'Applications', recordsTitle: 'Private pile applications',
      name: 'Applicant', phone: 'Phone', plate: 'Plate', community: 'Community', parkingSpot: 'Parking spot', remark: 'Remark',
      status: 'Status', applyTime: 'Applied at', handle: 'Handle', handleTitle: 'Handle application', handleRemark: 'Remark',
      handleBy: 'Handled by', handleTime: 'Handled at', handled: 'Handled', approve: 'Approve', refuse: 'Refuse', handleOk: 'Handled',
      notApproved: 'The form opens once the station is approved and enabled'
    },
    mobile: {
      title: 'Private pile application', subtitle: 'Leave your contact details and we will get back to you', station: 'Station', address: 'Address',
      submit: 'Submit', submitting: 'Submitting…', success: 'Application submitted', successDesc: 'Our staff will contact you soon.',
      again: 'Submit another', invalid: 'Invalid link', invalidDesc: 'The station does not exist, is not approved or is disabled.', loadFailed: 'Loading failed, try again later',
      namePh: 'Your name', phonePh: '11-digit mobile number', platePh: 'e.g. 浙A12345', communityPh: 'Community name',
      spotPh: 'Parking spot no.', remarkPh: 'Optional', footer: 'zhichong · charging platform'
    },
    area: {
      code: 'Area code', name: 'Area name', phone: 'Phone', power: 'Area power', status: 'Area status', isDefault: 'Default',
      addTitle: 'Add area', editTitle: 'Edit area', detailTitle: 'Area details',
      counts: { spots: 'Parking spots', piles: 'Piles', guns: 'Connectors' }
    },
    spot: {
      carPresent: 'Car', carYes: 'Car present', carNo: 'Empty', battery: 'Lock battery', alarm: 'Lock alarm', lockUpdated: 'Reported at',
      alarms: { arm_damaged: 'Arm damaged', arm_fault: 'Raise/lower fault' }, reservation: 'Reservation', gun: 'Charging gun', gunHint: 'The gun that charges a car in this spot: charging time is not occupancy time; its pile\'s occupancy fee applies',
      code: 'Spot code', name: 'Spot name', lockType: 'Lock type', lockState: 'Lock state', status: 'Spot status', camera: 'Camera',
      batchAdd: 'Batch add', batchTitle: 'Add parking spots', count: 'Number of spots', namePrefix: 'Name prefix', namePrefixHint: 'Empty: 车位001, 车位002 … continuing the area',
      batchOk: '{n} spots added', editTitle: 'Edit parking spot', detailTitle: 'Parking spot details', appNameHint: 'This name is shown in the app',
      lockOpen: 'Open lock', lockClose: 'Close lock',
      lockPile: 'Lock pile', bindPile: 'Bind pile', bindTitle: 'Bind ground lock to a pile · {name}', unbind: 'Unbind', unbindOk: 'Unbound', unbindConfirm: 'Unbind the ground lock of spot "{name}" from its pile?',
      bindOk: 'Bound: lock commands now go through this pile', gunNo: 'Gun', gunNoValue: 'gun {n}', notBound: 'Not bound',
      bindHint: 'The ground lock is controlled by a gun of a YKC pile; only YKC piles of this station can be chosen. Takes effect at once while the pile is online',
      noYkcPile: 'This station has no YKC pile'
    },
    camera: {
      code: 'Camera code', factoryNo: 'Factory ID', ip: 'Camera IP', name: 'Camera name', sim: 'SIM no.', spotCode: 'Spot code',
      leftSpot: 'Left spot', rightSpot: 'Right spot', status: 'Camera status',
      addTitle: 'Add camera', editTitle: 'Edit camera', detailTitle: 'Camera details', ipInvalid: 'Enter a valid IPv4 address',
      cmd: { reboot: 'Reboot', clockSync: 'Sync clock', capture: 'Manual capture', syncLock: 'Sync lock state', refresh: 'Refresh state', lockOpen: 'Open lock', lockClose: 'Close lock', secret: 'Reset push secret' },
      side: { left: 'Left spot', right: 'Right spot' }, captureHint: 'Captures appear in Statistics › Captures',
      secret: 'Push secret', pushUrl: 'Push URL', secretTitle: 'Camera push secret',
      secretOnce: 'The secret is shown only now: put it in the camera\'s push URL (reset it if lost).',
      secretConfirm: 'The old secret stops working at once and the camera needs the new push URL. Reset?'
    },
    pile: {
      code: 'Pile code', factoryNo: 'Factory ID', name: 'Pile name', model: 'Model', version: 'Version', gunCount: 'Connectors',
      sim: 'SIM no.', operationType: 'Operation type', occupancyFee: 'Occupancy fee', occupancyHint: 'Price per period; 0 = no occupancy fee (charging time is not counted)', reservable: 'Reservable',
      occupancyPeriodMin: 'Billing period', occupancyFreeMin: 'Free minutes', occupancyCap: 'Fee cap', occupancyCapHint: 'Most one stay pays; 0 = no cap',
      occupancyCapLow: 'The cap cannot be below the price per period', minutes: 'min', yuanPerPeriod: 'yuan/period',
      outputCurrent: 'Output current', outputPower: 'Output power', outputVoltage: 'Output voltage', currentType: 'Current type',
      chargingType: 'Connector standard', speed: 'Charging speed', installMethod: 'Installation', protectionClass: 'Protection class', commMethod: 'Communication',
      offlineCard: 'Offline cards', allowOfflineCard: 'Allow offline card charging', protocol: 'Protocol', status: 'Pile status', guns: 'Connectors',
      codeHint: '14-digit pile code (YKC); leave empty to have one assigned. Immutable once saved', codeInvalid: 'The pile code has 14 digits',
      gunCountHint: 'Raising adds connectors; lowering removes the highest-numbered idle ones',
      addTitle: 'Add pile', editTitle: 'Edit pile', detailTitle: 'Pile details',
      sectionBasic: 'Basic', sectionElectrical: 'Electrical', sectionInstall: 'Installation & communication', sectionOperation: 'Operation',
      cmd: { reboot: 'Reboot', clockSync: 'Sync clock', qrSync: 'Sync QR code', tariffSync: 'Sync tariff', hotlineSync: 'Sync hotline', refresh: 'Refresh state' },
      tariff: 'Tariff', tariffTitle: 'Tariff · {name}', noTariff: 'No tariff is in force for this pile\'s area',
      exportTitle: 'Export pile QR codes', qrTitle: 'Pile QR code · {name}'
    },
    gun: {
      code: 'Connector code', gunNo: 'No.', name: 'Connector name', pileCode: 'Pile code', factoryNo: 'Factory ID', state: 'State',
      status: 'Enabled', qrUrl: 'QR link', editTitle: 'Edit connector', detailTitle: 'Connector details',
      exportTitle: 'Export connector QR codes', qrTitle: 'Connector QR code · {name}'
    },
    tariff: {
      name: 'Tariff name', mode: 'Mode', type: 'Type', status: 'Status', effectiveDate: 'Effective date', effectiveHint: 'Takes effect at 24:00 today, or at 00:00 of a later date you pick. Sessions across midnight use the tariff in force at their start',
      effectiveNextMidnight: '24:00 today', effectiveAtOnce: 'As soon as saved',
      effectiveHintFirst: 'The area has no tariff in force yet: this one takes effect as soon as it is saved, so its piles can sync it and charge today. Or pick a later date (00:00 of it). Later edits take effect at 24:00, protecting the sessions running then',
      savedNow: 'Saved; the tariff is in force',
      currentVersion: 'In force', pendingVersion: 'Pending', previousVersion: 'Previous', noVersion: 'None',
      energyPrice: 'Energy price', servicePrice: 'Service price', energyPriceYuan: 'Energy (CNY/kWh)', servicePriceYuan: 'Service (CNY/kWh)', totalPriceYuan: 'Total (CNY/kWh)',
      tier: 'Tier', tierPrices: 'Tier prices', periods: 'Periods', periodsHint: '30-minute steps; must cover 00:00–24:00 exactly, without overlaps',
      addPeriod: 'Add period', start: 'Start', end: 'End', fillTemplateConfirm: 'Replace the {n} period(s) with the common peak/flat/valley day?', fillTemplate: 'Typical TOU', clearPeriods: 'Clear',
      gap: 'Gap', overlap: 'Overlap', gapList: 'Not covered: {list}', overlapList: 'Overlapping: {list}', invalidPeriod: 'Row {n} is invalid (end must be after start)',
      coverOk: 'All 24 hours covered', allDay: 'All day',
      priceRequired: 'Enter energy and service prices of tier {tier}', periodsRequired: 'Fix the periods before saving', unusedTier: 'Tier {tier} has no prices',
      prepay: 'Prepay values', prepayTitle: 'Prepay values · {name}', prepayHint: 'Amounts offered in the app before a session: at most 12, positive and distinct',
      prepayAdd: 'Add amount', prepayMax: 'At most 12 prepay values', prepayDup: 'Prepay values must be distinct', prepayPositive: 'Prepay values must be positive', prepayOk: 'Prepay values saved',
      billingTest: 'Billing test', billingTestTitle: 'Billing test · {name}', energy: 'Energy', startTime: 'Start time', duration: 'Duration',
      calc: 'Calculate', totalFee: 'Total', energyFee: 'Energy fee', serviceFee: 'Service fee', tierEnergy: 'Energy (kWh)', result: 'Result',
      resultVersion: 'Billed with version v{n}', testHint: 'Energy is spread evenly over the duration; same engine as order settlement',
      addTitle: 'Add tariff', editTitle: 'Edit tariff', detailTitle: 'Tariff details', versions: 'Versions',
      versionNo: 'Version v{n}', versionKind: { current: 'In force', pending: 'Pending', previous: 'Expired' },
      description: 'Description', effectiveWindow: 'Effective', openEnded: 'open', ykcModelNo: 'Billing model no.', savedPending: 'Saved; takes effect at {time}',
      modeHint: { unified: 'One energy price and one service price all day', tou: 'Energy and service prices per sharp / peak / flat / valley period' },
      editNewVersion: 'Saving creates a new version; the current one stays in force until then'
    }
  }
}
