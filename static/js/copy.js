// "Copy contact details": shown only where the browser can copy; without JavaScript the
// same text is in the Details component below it. Its words are the button's data-copied
// and data-failed, from messages.
(function () {
  var button = document.getElementById('copy-contact')
  if (!button || !navigator.clipboard) {
    return
  }
  button.classList.remove('govuk-!-display-none')
  button.addEventListener('click', function () {
    var text = document.getElementById(button.getAttribute('data-copy-from')).textContent
    navigator.clipboard.writeText(text).then(function () {
      document.getElementById('copy-confirmation').textContent = button.getAttribute('data-copied')
    }, function () {
      document.getElementById('copy-confirmation').textContent = button.getAttribute('data-failed')
    })
  })
})()
