// Orders: car orders, e-bike orders, payments, refunds (docs/api-order.md)
export default {
  order: {
    common: {
      station: 'Station', area: 'Area', orderNo: 'Order No.', phone: 'Phone', cardNo: 'Card No.', status: 'Status',
      startMethod: 'Start Method', createTime: 'Created', startTime: 'Started', endTime: 'Ended', endReason: 'End Reason',
      prepaid: 'Prepaid', energyFee: 'Energy Fee', serviceFee: 'Service Fee', charged: 'Amount', refunded: 'Refunded', energy: 'Energy',
      prepayReturned: 'Prepay Returned', feeRefunded: 'Refund', costSoFar: 'so far', costSoFarValue: '{v} so far', costSoFarHint: 'Running cost of an open order (the amount once settled)',
      power: 'Power', duration: 'Duration', fee: 'Fee', plate: 'Plate', reservationNo: 'Reservation No.', factoryNo: 'Factory ID',
      yuan: 'CNY', kwh: 'kWh', kw: 'kW', amountYuan: '¥{v}',
      capped: 'More than {n} orders match; only the first {n} can be paged — narrow the search',
      end: 'End', refund: 'Refund', export: 'Export', detail: 'Detail',
      split: 'Split', splitStatus: 'Split status', splitConfirm: 'The split of order {no} failed. Split it again?', splitDone: 'Split submitted again',
      endConfirm: 'End order "{no}"? It is settled by the last values the device reported; the unused prepayment is refunded automatically.',
      endDone: 'Order ended', endTitle: 'End Order',
      refundTitle: 'Refund Order', refundMax: 'Refundable', refundAmount: 'Amount', refundReason: 'Reason',
      refundAll: 'Full', refundCustom: 'Custom amount', refundOverMax: 'At most ¥{max} can be refunded',
      refundAmountRequired: 'Enter an amount above 0', refundReasonRequired: 'Enter the reason',
      refundConfirm: 'Refund ¥{amount} to the payer?', refundDone: 'Refund submitted to the payment gateway',
      refundFailed: 'The gateway refused the refund: {msg}',
      sectionOrder: 'Order', sectionDevice: 'Device', sectionFee: 'Fees', sectionPayments: 'Payments',
      sectionCardLedger: 'Card Ledger', sectionRefunds: 'Refunds', sectionBilling: 'Billing Breakdown', sectionTariff: 'Tariff', sectionLedger: 'Ledger',
      stuckHeld: 'The prepayment return failed: {amount} is still held; use Refund to return it', noPayments: 'No payments', noRefunds: 'No refunds', noBilling: 'No breakdown yet (made at settlement)',
      tier: 'Tier', tierEnergy: 'Energy', tierEnergyFee: 'Energy Fee', tierServiceFee: 'Service Fee', tierAmount: 'Amount',
      chargedEnergyFee: 'Charged Energy Fee', chargedServiceFee: 'Charged Service Fee', billingCapped: 'Capped at Prepaid', billingMethod: 'Billed By', billingTotal: 'Cost',
      bikeBill: {
        durationS: 'Duration', billedS: 'Billed Duration', units: 'Billing Units', powerW: 'Billed Power', band: 'Power Band',
        energyFeeExact: 'Energy Fee (exact, yuan)', serviceFeeExact: 'Service Fee (exact, yuan)', gross: 'Cost before Free Time (yuan)',
        free: 'Ended within Free Time', maxDurationReached: 'Maximum Duration Reached', cap: 'Cap',
        caps: { none: 'None', autoStopAmount: 'Auto-stop Amount', prepaid: 'Prepaid Amount' }
      },
      billedBy: { meter: 'Meter readings (platform time-of-use)', device_tiers: 'Tier energy reported by the pile' },
      selectTypeFirst: 'Choose the order type first',
      withYuan: '{label} (CNY)',
      tierPeriod: 'Period', tierPrice: 'Unit Price',
      tariffName: 'Tariff', tariffMode: 'Mode', tariffVersion: 'Version', tariffEffective: 'Effective From'
    },
    reservation: {
      no: 'Reservation No.', spot: 'Spot', spotCode: 'Spot code', occupancy: 'Occupancy', end: 'End', endConfirm: 'End reservation "{no}"?',
      endDone: 'Reservation ended', detailTitle: 'Reservation', section: 'Reservation', stays: 'Stays', noStays: 'No stays', stayNo: 'Stay No.',
      entered: 'Entered', left: 'Left', fee: 'Occupancy fee', chargeOrders: 'Charging orders', noChargeOrders: 'No charging orders',
      lockOpened: 'Lock opened', lockClosed: 'Lock closed', expiresAt: 'Times out at', arrivedAt: 'Arrived', endedBy: 'Ended by',
      reasons: { left: 'Left the spot', admin: 'Ended by admin', driver: 'Cancelled by driver', timeout: 'Not arrived in time' }
    },
    car: {
      pile: 'Pile', pileCode: 'Pile Code', pileSn: 'Pile SN', gunCode: 'Gun Code', currentType: 'Current',
      detailTitle: 'Car Order', exportTitle: 'Export Car Orders', pileType: 'Pile Type'
    },
    bike: {
      device: 'Device', deviceCode: 'Device Code', deviceSn: 'Device SN', socket: 'Socket', socketCode: 'Socket Code', socketNo: 'Socket No.',
      prepaidDuration: 'Prepaid Duration', detailTitle: 'E-bike Order', exportTitle: 'Export E-bike Orders',
      endConfirm: 'End order "{no}"? The unused prepayment is refunded automatically after settlement.',
      customDuration: 'Settle by a custom duration', durationMinutes: 'Duration (min)',
      endHint: 'Empty: settled by the duration the device last reported.', durationInvalid: 'Enter whole minutes from 0 to 2880 (48 h)'
    },
    payment: {
      payNo: 'Payment No.', orderType: 'Order Type', payType: 'Pay Type', status: 'Status', amount: 'Amount',
      paidAmount: 'Paid', capturedAmount: 'Captured', refundedAmount: 'Refunded', refundPending: 'Refunding',
      heldAmount: 'Held', merchantNo: 'Merchant No.', provider: 'Gateway', gatewayTxnNo: 'Gateway Txn No.',
      notifyBody: 'Gateway Callback', description: 'Description', createTime: 'Created', payTime: 'Paid At', expireTime: 'Expires',
      chargeOrderId: 'Charging Order', detailTitle: 'Payment', exportTitle: 'Export Payments',
      reconcile: 'Reconcile', reconcileOk: 'Balanced: every payment agrees with the ledger',
      reconcileBad: '{n} problem(s) found', reconcileTitle: 'Reconciliation', problem: 'Problem',
      accounts: { payer: 'Payer', held: 'Held', refunding: 'Refunding', revenue: 'Revenue' },
      ledgerTxn: 'Movement', ledgerKind: 'Kind', ledgerAccount: 'Account', ledgerAmount: 'Amount', ledgerTime: 'Time'
    },
    invoice: {
      stationType: 'Order type', status: 'Status', invoiceNo: 'Invoice no.', invoiceNumber: 'Invoice number', invoiceCode: 'Invoice code',
      title: 'Title', titleType: 'Title type', taxpayerId: 'Taxpayer ID', applicant: 'Applicant', source: 'Source',
      createTime: 'Applied', finishTime: 'Finished', issueTime: 'Issued at', amount: 'Amount', tax: 'Tax', email: 'Email', phone: 'Phone',
      merchantNo: 'Merchant no.', invoiceLine: 'Invoice type', lineTypes: { pc: 'Digital ordinary', bs: 'Digital special' }, serialNo: 'Serial no.',
      failReason: 'Failure reason', redNumber: 'Red-letter number', voidTime: 'Voided at', orders: 'Orders', orderCount: 'Orders',
      lines: 'Lines', lineName: 'Item', lineCode: 'Tax code', quantity: 'Quantity', unit: 'Unit', price: 'Unit price (excl. tax)',
      rate: 'Rate', excluded: 'Amount (excl. tax)', lineTax: 'Tax', lineAmount: 'Total',
      seller: 'Seller', sellerName: 'Name', sellerTaxpayerId: 'Taxpayer ID', sellerAddress: 'Address / phone', sellerBank: 'Bank / account',
      drawer: 'Drawer', sectionBuyer: 'Buyer', sectionInvoice: 'Invoice', sectionSeller: 'Seller', sectionLines: 'Lines',
      sectionOrders: 'Orders', sectionInvoices: 'Invoices', noInvoices: 'No invoices', remark: 'Remarks',
      download: 'Download PDF', reissue: 'Re-issue', void: 'Void', detailTitle: 'Invoice details',
      reissueConfirm: 'Issue invoice "{no}" again?', reissueDone: 'Re-issue submitted',
      voidTitle: 'Void invoice', voidConfirm: 'A voided invoice is invalid (an issued one is red-lettered) and its orders can be invoiced again. Reason:', voidReason: 'Reason', voidDone: 'Invoice voided',
      request: 'Invoice', requestTitle: 'Request an invoice', requestDone: 'Invoice requested; the result follows shortly', requestOrders: 'Orders',
      requestAmount: 'Amount (yuan)', titleRequired: 'Enter the invoice title', taxpayerRequired: 'A company title needs its taxpayer ID (15–20 digits or capital letters)',
      emailRequired: 'Enter a valid email', mergeHint: 'Orders of one station and one driver can share one invoice', activeOrder: 'Active'
    },
    refund: {
      refundNo: 'Refund No.', payNo: 'Payment No.', refundType: 'Type', status: 'Status', payee: 'Payee',
      amount: 'Amount', payAmount: 'Paid', orderAmount: 'Order Amount', reason: 'Reason', operator: 'Operator',
      gatewayRefundNo: 'Gateway Refund No.', result: 'Result', createTime: 'Applied', refundTime: 'Refunded At',
      detailTitle: 'Refund', exportTitle: 'Export Refunds'
    },
    record: {
      deviceFlags: 'Device record', title: 'Device Records', deviceType: 'Device type', device: 'Device', deviceCode: 'Device code', connector: 'Gun / socket',
      serial: 'Transaction serial', idTag: 'Id tag', startMethod: 'Start method', startTime: 'Start time', stopTime: 'Stop time',
      meterStart: 'Meter start', meterStop: 'Meter stop', energy: 'Energy (kWh)', amount: 'Device amount (yuan)', status: 'Status',
      stopReason: 'Stop reason', flags: 'Review reasons', flagged: 'Flagged', flaggedOnly: 'Flagged only', withoutOrder: 'Without order',
      withoutOrderOnly: 'Without order only', order: 'Platform order', noOrder: 'No order', reconcile: 'Review status', reconcileNote: 'Review note',
      reconciledBy: 'Reviewed by', reconciledAt: 'Reviewed at', review: 'Review', reopen: 'Reopen', reviewTitle: 'Review record',
      reviewHint: 'Records without a platform order (card, VIN, offline or unknown sessions) can be attached to orders once stored-value cards exist; note what was decided.',
      notePlaceholder: 'What was decided, e.g. card session, to be billed when cards exist', reviewDone: 'Marked as reviewed', reopenDone: 'Reopened',
      detailTitle: 'Record details', energyAmount: 'kWh / Amount (yuan)', statusReconcile: 'Status / Review', orderFlags: 'Order / Review reasons',
      yes: 'Yes', no: 'No', viewRecords: 'Transaction records'
    }
  }
}
