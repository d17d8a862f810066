// The texts behind the sign-in page's consent: the platform's default user agreement and privacy
// policy, in both languages. An operator who needs its own wording replaces this file.
export const agreements = {
  'zh-CN': {
    terms: {
      title: '用户服务协议',
      paragraphs: [
        '欢迎使用智充充电服务。本协议是您与充电站运营方之间关于使用本应用查找电站、扫码充电、支付与开具发票等服务的约定。',
        '一、账号。您以手机号和短信验证码登录；未注册的手机号验证后自动创建账号。请妥善保管手机与验证码，经您的账号完成的操作视为您本人的操作。',
        '二、充电与计费。充电费用由电费和服务费组成，按电站公示的收费标准计算；开始充电前的预付款在充电结束后按实际消费结算，未用完部分原路退回。',
        '三、使用规范。请按充电桩的提示规范操作，充电结束后及时挪车；因违规操作造成的设备损坏或他人损失由操作人承担。',
        '四、服务变更与中断。因设备故障、电网或网络原因导致充电中断的，已产生的费用按实际电量结算，您可联系电站客服处理。',
        '五、争议处理。对订单有疑问的，可在订单详情中查看明细，或拨打电站客服电话；协商不成的，依法向运营方所在地人民法院提起诉讼。'
      ]
    },
    privacy: {
      title: '隐私政策',
      paragraphs: [
        '我们重视您的个人信息保护。本政策说明本应用收集哪些信息、为何收集以及如何保护。',
        '一、我们收集的信息：手机号（用于登录与订单通知）、您绑定的车牌号（用于停车减免与占位识别）、充电订单与支付记录（用于结算、退款与开票）、您授权时的位置信息（仅用于查找附近电站，不做保存）。',
        '二、信息的使用：仅用于提供充电、支付、退款、开票与客服服务；不会用于与上述目的无关的用途。',
        '三、信息的共享：支付时向支付机构提供完成支付所必需的订单信息；开票时向开票服务机构提供发票所需信息；除法律法规要求外，不向其他第三方提供。',
        '四、信息的保存与安全：运营方采取访问控制等措施保护您的信息；账号注销后依法删除或匿名化处理。',
        '五、您的权利：您可以在“我的”中查看和修改昵称、车牌等信息，也可以联系电站客服查询、更正或删除您的个人信息。'
      ]
    },
    read: '我已阅读'
  },
  en: {
    terms: {
      title: 'Terms of Service',
      paragraphs: [
        'Welcome to ZhiCharge. These terms govern your use of this app to find stations, start charging by scanning, pay and get invoices, between you and the station operator.',
        '1. Account. You sign in with your mobile number and a text-message code; a new number gets an account once verified. Keep your phone and codes safe: what is done with your account counts as done by you.',
        '2. Charging and prices. A session costs an energy fee plus a service fee at the prices the station shows; a prepayment is settled by what you actually used when charging ends and the rest is refunded to where it came from.',
        '3. Fair use. Follow the charger\'s instructions and move your vehicle when charging ends; whoever misuses a charger is liable for the damage.',
        '4. Interruptions. When a charger, the grid or the network interrupts a session, you pay only for the energy delivered; the station\'s service line helps with any question.',
        '5. Disputes. Each order shows its details; contact the station first, otherwise disputes go to the court where the operator is registered.'
      ]
    },
    privacy: {
      title: 'Privacy Policy',
      paragraphs: [
        'We care about your personal data. This policy says what this app collects, why, and how it is protected.',
        '1. What we collect: your mobile number (sign-in and order notices), the plates you add (parking benefits and spot recognition), your charging orders and payments (settlement, refunds and invoices), and your location when you allow it (only to find nearby stations; not stored).',
        '2. How we use it: only to provide charging, payments, refunds, invoices and customer service.',
        '3. Sharing: the payment provider receives what it needs to complete a payment, the invoice service what an invoice needs; nobody else unless the law requires it.',
        '4. Storage and security: the operator protects your data with access controls; it is deleted or anonymised when you close your account, as the law requires.',
        '5. Your rights: change your nickname and plates under "Me", or ask the station to show, correct or delete your data.'
      ]
    },
    read: 'I have read it'
  }
}
