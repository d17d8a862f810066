import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import carZhCN from './modules/car.zh-CN'
import carEn from './modules/car.en'
import sharedZhCN from './modules/shared.zh-CN'
import sharedEn from './modules/shared.en'
import bikeZhCN from './modules/bike.zh-CN'
import bikeEn from './modules/bike.en'
import deviceZhCN from './modules/device.zh-CN'
import deviceEn from './modules/device.en'
import orderZhCN from './modules/order.zh-CN'
import orderEn from './modules/order.en'
import dictZhCN from './modules/dict.zh-CN'
import dictEn from './modules/dict.en'
import memberZhCN from './modules/member.zh-CN'
import memberEn from './modules/member.en'

export const LANG_KEY = 'zc-lang'
export const languages = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' }
]

function initialLocale() {
  const saved = localStorage.getItem(LANG_KEY)
  return languages.some(l => l.value === saved) ? saved : 'zh-CN'
}

const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': { ...zhCN, ...carZhCN, ...sharedZhCN, ...bikeZhCN, ...deviceZhCN, ...orderZhCN, ...dictZhCN, ...memberZhCN }, en: { ...en, ...carEn, ...sharedEn, ...bikeEn, ...deviceEn, ...orderEn, ...dictEn, ...memberEn } }
})

export function setLocale(lang) {
  i18n.global.locale.value = lang
  localStorage.setItem(LANG_KEY, lang)
  document.documentElement.lang = lang
}

export function isEn() {
  return i18n.global.locale.value === 'en'
}

/** Title of a menu/route meta in the current language. */
export function menuTitle(meta) {
  if (!meta) return ''
  if (meta.i18nKey) return i18n.global.t(meta.i18nKey)
  return isEn() ? (meta.titleEn || meta.title) : meta.title
}

export const t = (...args) => i18n.global.t(...args)
export default i18n
