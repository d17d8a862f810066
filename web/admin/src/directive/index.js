import hasPermi from './hasPermi'

export default function installDirectives(app) {
  app.directive('hasPermi', hasPermi)
}
