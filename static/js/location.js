// "Use my location": asks the browser where it is, rounds the point to about a kilometre
// before it leaves the page, and asks Signpost for the outward code there (/search/where);
// the box gets "PR1", never the point, so no shared link says where someone is. Without
// JavaScript or geolocation the button stays hidden and the box works as ever.
(function () {
  var holder = document.getElementById('use-location')
  var box = document.getElementById('where')
  if (!holder || !box || !navigator.geolocation || !window.fetch) {
    return
  }
  var status = document.getElementById('announcement')
  var say = function (words) {
    if (status) {
      status.textContent = words
    }
  }
  holder.hidden = false
  holder.querySelector('button').addEventListener('click', function () {
    say(holder.getAttribute('data-finding'))
    navigator.geolocation.getCurrentPosition(function (position) {
      var round = function (n) { return Math.round(n * 100) / 100 }
      fetch('/search/where?latitude=' + round(position.coords.latitude) + '&longitude=' +
        round(position.coords.longitude), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null })
        .then(function (found) {
          if (found && found.where) {
            box.value = found.where
            say(holder.getAttribute('data-found').replace('{0}', found.where))
            box.form.requestSubmit ? box.form.requestSubmit() : box.form.submit()
          } else {
            say(holder.getAttribute('data-failed'))
          }
        })
        .catch(function () { say(holder.getAttribute('data-failed')) })
    }, function () { say(holder.getAttribute('data-failed')) }, { maximumAge: 600000, timeout: 10000 })
  })
})()
