// Mechanisms shared by car and e-bike stations (invoice, payment, audit, address, history, QR, export, prepay)
export default {
  shared: {
    basicInfo: 'Basic information',
    sectionOwner: 'Ownership', provider: 'Provider', property: 'Property',
    audit: {
      title: 'Audit station', result: 'Result', pass: 'Approve', reject: 'Reject', remark: 'Audit remark',
      rejectRemarkRequired: 'Give a reason when rejecting', ok: 'Audit saved', record: 'Audit record', by: 'Audited by', time: 'Audited at', status: 'Audit status'
    },
    address: {
      section: 'Address', region: 'Region', regionPh: 'Pick or search province / city / district', province: 'Province', city: 'City', district: 'District', detail: 'Street address',
      coordinateFormat: '{field} must be a number with at most 6 decimals', coordinateRange: '{field} must be between {min} and {max}',
      longitude: 'Longitude', latitude: 'Latitude', coordinates: 'Coordinates', timezone: 'Time zone', full: 'Address'
    },
    history: {
      title: 'Change history', empty: 'No changes yet',
      actions: { create: 'Created', edit: 'Edited', resubmit: 'Resubmitted for audit', audit: 'Audited', approve: 'Approved', reject: 'Rejected', enable: 'Enabled', disable: 'Disabled', invoice: 'Invoice config', pay: 'Payment config' }
    },
    config: { configured: 'Configured', notConfigured: 'Not configured' },
    invoice: {
      menu: 'Invoice config', title: 'Invoice config · {name}', hint: 'Orders of a station without invoice details cannot be invoiced.',
      merchantNo: 'Merchant no.', sellerAddress: 'Seller address', bankAccount: 'Bank account', bankName: 'Bank name', drawer: 'Drawer',
      companyName: 'Company name', payee: 'Payee', reviewer: 'Reviewer', taxpayerId: 'Taxpayer ID',
      electricityTaxRate: 'Electricity tax rate', electricityTaxCode: 'Electricity tax code', serviceTaxRate: 'Service tax rate', serviceTaxCode: 'Service tax code',
      phone: 'Phone', saved: 'Invoice config saved', sectionSeller: 'Seller', sectionTax: 'Tax rates', sectionPeople: 'People'
    },
    pay: {
      menu: 'Payment config', title: 'Payment config · {name}', hint: 'Without a payment method the app cannot pay to start charging; issued cards (virtual or physical) still work.',
      leshua: 'LeShua', suixingpay: 'Suixingpay', wechat: 'WeChat Pay', enabled: 'Enabled',
      merchantNo: 'Merchant no.', profitSharing: 'Profit sharing', splitAccounts: 'Split accounts', account: 'Account', accountName: 'Account name',
      ratio: 'Ratio', ratioSum: 'Ratio total: {sum}%', ratioOver: 'The split ratios must not exceed 100% in total', addAccount: 'Add account',
      noAccounts: 'No split accounts', orgId: 'Org ID', mchId: 'Merchant ID', appId: 'AppID', serialNo: 'Certificate serial no.', apiV3Key: 'APIv3 key',
      secretSet: 'Set (keep the mask or leave empty to keep it)', secretKeep: 'Unchanged', saved: 'Payment config saved',
      accountRequired: 'Fill in the account and ratio',
      receiverType: 'Type', typeMerchant: 'Merchant', typePersonal: 'Personal'
    },
    qr: {
      template: { plain: 'Plain', labelled: 'With label', card: 'Branded card' },
      download: 'Download {name}', url: 'QR link',
      hint: 'Scanning with WeChat opens the charging page. Pick a template and download it as PNG.'
    },
    export: {
      starting: 'Creating the export job…', running: 'Writing the Excel file…', done: 'Export finished', failed: 'Export failed',
      rows: '{written} / {total} rows written', download: 'Download', downloaded: 'Download started'
    },
    prepay: {
      add: 'Add amount', max: 'At most 12 prepay values', dup: 'Prepay values must be distinct', positive: 'Prepay values must be positive', count: ' ({n}/12)'
    },
    command: {
      confirm: 'Send “{action}” to “{name}”?', accepted: '“{action}” done', failed: '“{action}” not done: {reason}',
      // the reason code of a device command's reply (docs/api-car.md "Device commands")
      reason: {
        accepted: 'Done by the device', offline: 'The device is offline', timeout: 'The device did not answer in time', refused: 'The device refused',
        not_plugged_in: 'No vehicle plugged in', not_charging: 'Nothing is charging there', busy: 'The device is busy (connector in use)',
        failed: 'The device failed to do it', unsupported_by_device: 'The device does not support this command',
        unsupported_by_protocol: 'The pile\'s protocol cannot carry this command; the platform did not send it', invalid_argument: 'The command does not fit this device; the platform did not send it',
        no_tariff: 'No tariff in force for its area; the platform did not send it'
      }
    },
    noTariff: {
      mark: 'No tariff', hint: 'Its area has no tariff in force: no session can start (nor can a car pile\'s tariff be synced) and the app tells drivers why. Add a tariff for the area under Tariffs — an area\'s first tariff takes effect as soon as it is saved.'
    }
  }
}
