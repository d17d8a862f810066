// A phone that opened a printed QR code ({app.public_url}/app/gun|pile|socket|device/{code}) got the app's
// page from the server: continue on the charge page of that code. Imported first by main.js, so it runs
// before the router module reads the URL (a module, not an inline script: the page's CSP allows no inline
// scripts).
const m = /^\/app\/(gun|pile|socket|device)\/([^/?#]+)\/?$/.exec(location.pathname)
if (m) history.replaceState(null, '', '/h5/charge/' + m[2] + location.search)
