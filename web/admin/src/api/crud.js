import request from '@/utils/request'

/** The standard list/get/add/update/delete/changeStatus calls of one resource. */
export function crud(base) {
  return {
    list: (params) => request({ url: `${base}/list`, method: 'get', params }),
    get: (id) => request({ url: `${base}/${id}`, method: 'get' }),
    add: (data) => request({ url: base, method: 'post', data }),
    update: (data) => request({ url: base, method: 'put', data }),
    remove: (ids) => request({ url: `${base}/${[].concat(ids).join(',')}`, method: 'delete' }),
    changeStatus: (id, status) => request({ url: `${base}/changeStatus`, method: 'put', data: { id, status } })
  }
}
