// On a phone the filters fill more than a screen before the first result: fold them
// behind a "Show filters" button (as MOJ's filter a list pattern does). After htmx swaps
// the results in, fold again, keeping the panel open if it was.
(function () {
  var narrow = window.matchMedia('(max-width: 40.0525em)')
  var open = false

  function fold () {
    var panel = document.getElementById('filter-panel')
    if (!panel || document.getElementById('filter-toggle') || !narrow.matches) {
      return
    }
    var selected = Number(panel.getAttribute('data-selected') || 0)
    var button = document.createElement('button')
    button.type = 'button'
    button.id = 'filter-toggle'
    button.className = 'govuk-button govuk-button--secondary'
    button.setAttribute('aria-controls', 'filter-panel')
    var show = function (yes) {
      open = yes
      panel.hidden = !yes
      button.setAttribute('aria-expanded', String(yes))
      // The words are the page's (messages.properties), on the panel.
      var words = panel.getAttribute(yes ? 'data-hide' : 'data-show')
      button.textContent = words + (selected > 0 ? ' ' + panel.getAttribute('data-selected-words').replace('{0}', selected) : '')
    }
    button.addEventListener('click', function () { show(!open) })
    panel.parentNode.insertBefore(button, panel)
    show(open)
  }

  function unfold () {
    var panel = document.getElementById('filter-panel')
    var button = document.getElementById('filter-toggle')
    if (panel && button) {
      button.remove()
      panel.hidden = false
    }
  }

  fold()
  document.addEventListener('htmx:afterSettle', fold)
  narrow.addEventListener('change', function () { narrow.matches ? fold() : unfold() })
})()
