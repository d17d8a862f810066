import request from '@/utils/request'

// docs/api-stat.md "Dashboard": {cards, orders7, energy5, top, now}, every figure in the caller's scope
export const getDashboard = () => request({ url: '/index/dashboard', method: 'get' })
