export default {
  app: {
    name: 'zhichong',
    fullName: 'zhichong · Charging Operations',
    slogan: 'One platform to run car and e-bike charging'
  },
  common: {
    ownerProvider: 'Provider', ownerProperty: 'Property',
    rowError: 'Row {n}: {msg}',
    duration: { hm: '{h} h {m} min', h: '{h} h', ms: '{m} min {s} s', m: '{m} min', s: '{s} s' },
    search: 'Search', reset: 'Reset', add: 'Add', edit: 'Edit', delete: 'Delete', detail: 'Details',
    confirm: 'OK', cancel: 'Cancel', close: 'Close', save: 'Save', operation: 'Actions', status: 'Status',
    enabled: 'Enabled', disabled: 'Disabled', enable: 'enable', disable: 'disable',
    createBy: 'Created by', createTime: 'Created at', updateBy: 'Updated by', updateTime: 'Updated at',
    remark: 'Remark', more: 'More', refresh: 'Refresh', toggleSearch: 'Show/hide search', expandCollapse: 'Expand/collapse',
    id: 'ID', all: 'All', yes: 'Yes', no: 'No', tip: 'Notice', warning: 'Warning',
    beginDate: 'Start date', endDate: 'End date', to: 'to',
    addSuccess: 'Created', editSuccess: 'Saved', deleteSuccess: 'Deleted', opSuccess: 'Done',
    confirmDelete: 'Delete “{name}”?',
    confirmDeleteSelected: 'Delete the {n} selected rows?',
    confirmStatus: 'Do you want to {action} “{name}”?',
    statusChanged: 'Status changed',
    input: 'Enter {field}', select: 'Select {field}', required: '{field} is required',
    phoneInvalid: 'Enter a valid 11-digit mobile number', emailInvalid: 'Enter a valid email address',
    passwordRule: '8–64 characters with at least one letter and one digit',
    noData: 'No data', copy: 'Copy', copied: 'Copied to clipboard', copyFailed: 'Copy failed, please copy manually',
    loading: 'Loading…', total: '{n} in total', selected: '{n} selected', none: 'None',
    networkError: 'Cannot reach the server', timeout: 'The server did not answer in time', requestFailed: 'Request failed',
    sessionExpired: 'Your session has expired, please sign in again'
  },
  login: {
    title: 'Sign in',
    subtitle: 'zhichong · Charging Operations',
    headline: 'Smart charging operations platform',
    features: ['Car and e-bike stations and devices in one place', 'Orders, tariffs and revenue sharing fully traceable', 'Provider · property · station data scopes'],
    username: 'Account', password: 'Password',
    usernamePh: 'Account (mobile number)', passwordPh: 'Password',
    submit: 'Sign in', submitting: 'Signing in…',
    usernameRequired: 'Please enter your account', passwordRequired: 'Please enter your password',
    copyright: '© {year} zhichong'
  },
  navbar: {
    profile: 'Profile', logout: 'Sign out', logoutConfirm: 'Sign out of the platform?',
    language: 'Language', collapse: 'Collapse/expand menu'
  },
  tags: { refresh: 'Reload', close: 'Close', closeOthers: 'Close others', closeLeft: 'Close to the left', closeRight: 'Close to the right', closeAll: 'Close all' },
  menu: { home: 'Home', profile: 'Profile' },
  placeholder: { title: 'This page is coming soon', desc: '“{name}” is under construction.', back: 'Back to home' },
  error404: { title: '404', heading: 'Page not found', desc: 'The page you are looking for does not exist or has been removed.', back: 'Back to home' },
  dashboard: {
    orders7: 'Orders, last 7 days', energy5: 'Energy, last 5 days', topUsers: 'Top drivers', car: 'Car', bike: 'E-bike', orders: 'Orders', users: 'Users',
    stations: 'Stations', areas: 'Areas', piles: 'Piles', devices: 'Devices', carOrders: 'Car orders', bikeOrders: 'E-bike orders', refunds: 'Refunds', total: 'Total',
    members: 'Members', cards: 'Cards', carEnergy: 'Car', bikeEnergy: 'E-bike', online: 'Devices online', charging: 'Charging now', faulted: 'Faulted',
    todayOrders: 'Orders today', todayEnergy: 'Energy today', todayCharged: 'Revenue today', sessionsSplit: 'car {car} · e-bike {bike}',
    noOrders: 'No orders in the last 7 days', noEnergy: 'No energy in the last 5 days', noUsers: 'No drivers yet',
    hello: 'Hello, {name}', welcome: 'Welcome to zhichong charging operations',
    account: 'Account', userType: 'User type', dept: 'Department', roles: 'Roles',
    shortcuts: 'Shortcuts', modules: 'Modules',
    moduleDesc: {
      car: 'Car stations, areas, spots, cameras, piles and tariffs',
      bike: 'E-bike stations, areas, devices and tariffs',
      order: 'Charging, payment, reservation, invoice and refund records',
      member: 'Card products, members, car owners, collectives and whitelist',
      stat: 'Revenue sharing, station stats, captures, calls, faults, online log',
      system: 'Providers, properties, users, roles, departments and posts'
    }
  },
  profile: {
    title: 'Profile', basicInfo: 'My account', editInfo: 'Basic info', changePwd: 'Change password',
    oldPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm password',
    pwdMismatch: 'The two passwords do not match', pwdChanged: 'Password changed', saved: 'Saved'
  },
  account: {
    title: 'Login account created', desc: 'The initial password is shown only this once. Copy it now and hand it over safely.',
    userName: 'Account', initialPassword: 'Initial password', copyAll: 'Copy account and password', done: 'I have saved it'
  },
  provider: {
    name: 'Provider name', contact: 'Contact', phone: 'Mobile', email: 'Email', merchantType: 'Merchant type',
    parent: 'Parent provider', auditStatus: 'Audit status', auditRemark: 'Audit remark', auditBy: 'Audited by', auditTime: 'Audited at',
    account: 'Login account', audit: 'Audit', auditTitle: 'Audit provider', auditResult: 'Decision',
    pass: 'Approve', reject: 'Reject', rejectRemarkRequired: 'Please give a reason for rejecting',
    addTitle: 'Add provider', editTitle: 'Edit provider', detailTitle: 'Provider details',
    phoneHint: 'The mobile number becomes the login account; it is unique and cannot be changed',
    auditOk: 'Approved, login account created', auditRejected: 'Rejected'
  },
  property: {
    provider: 'Provider', name: 'Property name', contact: 'Contact', phone: 'Mobile', email: 'Email',
    province: 'Province', city: 'City', address: 'Address', region: 'Region', account: 'Login account',
    addTitle: 'Add property', editTitle: 'Edit property', detailTitle: 'Property details',
    phoneHint: 'The mobile number becomes the login account; it is unique and cannot be changed'
  },
  user: {
    userName: 'Account', nickName: 'Name', phone: 'Mobile', email: 'Email', password: 'Password',
    userType: 'User type', provider: 'Provider', property: 'Property', collective: 'Collective', collectiveId: 'Collective ID',
    owner: 'Belongs to', dept: 'Department', post: 'Post', role: 'Roles', roleFilter: 'Role',
    loginIp: 'Last login IP', loginDate: 'Last login',
    resetPwd: 'Reset password', resetPwdTitle: 'Reset password', resetPwdPrompt: 'New password for “{name}”', resetPwdOk: 'Password reset',
    bindStation: 'Bind stations', bindTitle: 'Bind stations · {name}', noStation: 'No stations',
    unbound: 'Available', bound: 'Bound', bindOk: 'Station bindings saved',
    deptSearch: 'Filter departments', allDepts: 'All departments',
    addTitle: 'Add user', editTitle: 'Edit user', detailTitle: 'User details',
    passwordEditHint: 'Leave empty to keep the password', phoneHint: 'The mobile number becomes the login account', stations: 'Bound stations'
  },
  role: {
    roleName: 'Role name', roleKey: 'Role key', roleType: 'Role type', provider: 'Provider', property: 'Property',
    collective: 'Collective', menuPerm: 'Menu permissions', expand: 'Expand/collapse', checkAll: 'Select all/none', linkage: 'Link parent/child',
    userCount: 'Users', builtIn: 'Built-in', authUser: 'Assign users', authTitle: 'Assign users · {name}',
    allocated: 'Assigned users', unallocated: 'Unassigned users', addAuth: 'Grant', cancelAuth: 'Revoke',
    cancelAuthConfirm: 'Revoke role “{name}” from the selected users?', addAuthOk: 'Granted', cancelAuthOk: 'Revoked',
    selectUsers: 'Select users first',
    addTitle: 'Add role', editTitle: 'Edit role', detailTitle: 'Role details', builtInHint: 'Built-in roles cannot be edited'
  },
  dept: {
    deptName: 'Department', parent: 'Parent', orderNum: 'Order', leader: 'Leader', phone: 'Phone',
    email: 'Email', provider: 'Provider', property: 'Property', addChild: 'Add child',
    addTitle: 'Add department', editTitle: 'Edit department', detailTitle: 'Department details'
  },
  post: {
    dept: 'Department', postCode: 'Post code', postName: 'Post name', orderNum: 'Order',
    addTitle: 'Add post', editTitle: 'Edit post', detailTitle: 'Post details'
  },
  online: {
    sessionId: 'Session', userName: 'Account', nickName: 'Nickname', deptName: 'Department', ipaddr: 'IP address',
    browser: 'Browser', os: 'OS', loginTime: 'Signed in', expiresAt: 'Expires', current: 'This session',
    forceLogout: 'Force logout', confirmForceLogout: 'Force this session of "{name}" out? It will have to sign in again.',
    forceLogoutSuccess: '"{name}" forced out'
  },
  logininfor: {
    userName: 'Account', ipaddr: 'IP address', userAgent: 'User agent', browser: 'Browser', os: 'OS', unknown: 'Unknown',
    status: 'Result', msg: 'Message', loginTime: 'Time',
    export: 'Export', exportTitle: 'Export login log', clean: 'Clear', unlock: 'Unlock',
    confirmClean: 'Clear the whole login log?', cleanSuccess: 'Cleared',
    confirmUnlock: 'Unlock the account "{name}"?', unlockSuccess: 'Account "{name}" unlocked'
  },
  operlog: {
    title: 'Module', businessType: 'Operation', method: 'Method', requestMethod: 'HTTP method', operName: 'Operator',
    operUrl: 'URL', operIp: 'IP address', operParam: 'Request', jsonResult: 'Response', status: 'Result',
    errorMsg: 'Error', operTime: 'Time', costTime: 'Duration', detailTitle: 'Operation log details', ms: '{n} ms',
    export: 'Export', exportTitle: 'Export operation log', clean: 'Clear',
    confirmClean: 'Clear the whole operation log?', cleanSuccess: 'Cleared'
  }
}
