// GOV.UK Frontend's components (skip link, header, radios, checkboxes, error summary ...).
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js'

initAll()
