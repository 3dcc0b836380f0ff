// "Copy contact details": shown only where the browser can copy; without JavaScript the
// same text is in the Details component below it.
(function () {
  var button = document.getElementById('copy-contact')
  if (!button || !navigator.clipboard) {
    return
  }
  button.classList.remove('govuk-!-display-none')
  button.addEventListener('click', function () {
    var text = document.getElementById(button.getAttribute('data-copy-from')).textContent
    navigator.clipboard.writeText(text).then(function () {
      document.getElementById('copy-confirmation').textContent = 'Contact details copied'
    }, function () {
      document.getElementById('copy-confirmation').textContent = 'Could not copy. Open "Contact details as text" and copy it from there.'
    })
  })
})()
