// Member center: card products, cards, members, car owners, collective accounts (docs/api-member.md)
export default {
  member: {
    common: {
      provider: 'Provider', property: 'Property', phone: 'Phone', nickname: 'Nickname', realName: 'Name', plate: 'Plate',
      plates: 'Plates', platesPh: 'Several plates separated by commas, up to 5', plateInvalid: 'Plate "{plate}" is not valid', platesMax: 'At most {n} plates',
      balance: 'Balance', balanceYuan: 'Balance (¥)', yuan: 'yuan', yuanValue: '¥{v}', listSep: '; ',
      selectPropertyFirst: 'Select the property first'
    },
    product: {
      name: 'Product name', productType: 'Product type', issueType: 'Issue type', price: 'Price', faceValue: 'Face value',
      priceFace: 'Face value / price (¥)', priceShort: 'price {v}', stations: 'Stations', carShort: 'Car', bikeShort: 'E-bike',
      carStations: 'Car stations', bikeStations: 'E-bike stations', stationsPh: 'Select the stations (several allowed)', notForType: 'Not for this product type',
      stationRequired: 'Select at least one station', bonusTiers: 'Top-up bonus', tiers: 'Tiers', cardCount: 'Cards',
      tierMin: 'Top up', tierBonus: 'yuan or more, get', tierText: '+¥{bonus} from ¥{min}', addTier: 'Add a bonus tier', noTiers: 'No bonus',
      tierPositive: 'Tier {n}: the top-up and the bonus must be above 0', tierBonusOver: 'Tier {n}: the bonus cannot exceed the top-up',
      tierAscending: 'Tier {n}: the top-up must be above the previous tier',
      sectionBasic: 'Product', sectionStations: 'Stations', sectionBonus: 'Top-up bonus',
      addTitle: 'Add card product', editTitle: 'Edit card product', detailTitle: 'Card product'
    },
    card: {
      cardNo: 'Card no.', physicalNo: 'Physical no.', holder: 'Holder', product: 'Card product', collective: 'Collective',
      validity: 'Validity', validityHint: 'Empty: from today with no end', fromNoEnd: 'from {from}, no end',
      cardNoPh: 'Printed number, 6–16 digits', physicalNoPh: 'IC card UID (hex, optional)', cardNoSearchPh: 'Card or physical number',
      cardNoInvalid: 'The card number has 6–16 digits', physicalNoInvalid: 'The physical number has 8, 14 or 16 hex digits',
      faceShort: 'face {v}', balanceShort: 'balance ¥{v}', charging: 'In use', chargingNow: 'Charging', idle: 'Idle',
      productSummary: 'price ¥{price}, face value ¥{face}', collectiveDebit: 'Issuing takes the face value ¥{face} from the collective (balance ¥{balance})',
      sectionHolder: 'Holder', sectionCard: 'Card',
      issue: 'Issue card', issued: 'Card issued', issueTitle: 'Issue a card', editTitle: 'Edit card', detailTitle: 'Card'
    },
    topup: {
      action: 'Top up', submit: 'Top up', cardTitle: 'Top up card', collectiveTitle: 'Top up collective', amount: 'Amount',
      amountRequired: 'Enter an amount above 0', noBonus: 'This product gives no bonus',
      bonus: 'Bonus ¥{v}', noBonusReached: 'No bonus tier reached', credited: 'credited ¥{v}',
      fromCollective: 'A collective card is topped up from its collective "{name}"',
      confirmCard: 'Top up card "{no}" with ¥{amount} (bonus ¥{bonus})?',
      confirmCollective: 'Top up collective "{name}" with ¥{amount}?', done: 'Topped up, balance ¥{v}'
    },
    ledger: { title: 'Ledger', time: 'Time', kind: 'Kind', amount: 'Amount (¥)', orderNo: 'Order no.', txnNo: 'Transaction' },
    member: {
      cardCount: 'Cards', balance: 'Card balance', balanceYuan: 'Balance (¥)', lastCardTime: 'Last card',
      cards: 'Cards', cardList: 'Cards held', cardsTitle: 'Cards of {name}', editTitle: 'Edit member'
    },
    owner: {
      gender: 'Gender', genderUnset: 'Not given', verified: 'Verified', verifiedAt: 'Verified at', source: 'Source / owner',
      counts: 'Cards / orders', cardCount: 'Cards', orderCount: 'Orders', lastLoginTime: 'Last sign-in',
      verify: 'Verify', unverify: 'Unverify', verifyConfirm: 'Verify owner "{name}"? A verified owner may reserve spots.',
      unverifyConfirm: 'Withdraw the verification of owner "{name}"?', phoneHint: 'The phone is the owner\'s app login and cannot be changed later',
      addTitle: 'Add car owner', editTitle: 'Edit car owner', detailTitle: 'Car owner'
    },
    collective: {
      name: 'Collective name', contact: 'Contact', phone: 'Phone', email: 'Email', address: 'Address', cardCount: 'Cards',
      locked: 'Lock', lock: 'Lock', unlock: 'Unlock',
      lockConfirm: 'Lock collective "{name}"? No cards can be issued under it while locked.', unlockConfirm: 'Unlock collective "{name}"?',
      addTitle: 'Add collective', editTitle: 'Edit collective', detailTitle: 'Collective'
    }
  }
}
