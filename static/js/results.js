// The search results with htmx: announce the new count once a filter's results are in, and
// never search when a compact result's "Select for your list" box is ticked (it belongs to
// the keep form, not the search). Here rather than in hx-on and an hx-trigger filter, which
// htmx would have to eval: the Content-Security-Policy allows neither.
(function () {
  document.addEventListener('htmx:configRequest', function (event) {
    var cause = event.detail.triggeringEvent
    if (cause && cause.target && cause.target.getAttribute && cause.target.getAttribute('form') === 'keep') {
      event.preventDefault()
    }
  })
  document.addEventListener('htmx:afterSettle', function () {
    var count = document.getElementById('result-count')
    var announcement = document.getElementById('announcement')
    if (announcement) {
      announcement.textContent = count ? count.textContent : ''
    }
  })
})()
