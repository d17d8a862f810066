/** Save a Blob as a file (an <a download> click). */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  document.body.removeChild(a)
  setTimeout(() => URL.revokeObjectURL(url), 2000)
}

/** Drop paging and empty values from list filters (the body of a qrExport call). */
export function exportFilters(queryParams) {
  const filters = { ...queryParams }
  delete filters.pageNum
  delete filters.pageSize
  for (const k of Object.keys(filters)) if (filters[k] === '' || filters[k] === null || filters[k] === undefined) delete filters[k]
  return filters
}
