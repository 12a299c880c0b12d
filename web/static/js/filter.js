// filter.js submits a filter form as soon as one of its selects or
// checkboxes changes, so that the list follows the filters without a click.
// A number field submits once typing has paused, so that typing "12" does
// not fetch the list for "1" first, and only when what is typed is a valid
// number. It is progressive enhancement: without JavaScript the "Apply
// filters" button does the same.
const typingPauseMs = 400

for (const form of document.querySelectorAll('form[data-filters]')) {
  let timer = 0

  form.addEventListener('change', (event) => {
    const field = event.target
    if (field instanceof HTMLSelectElement ||
        (field instanceof HTMLInputElement && field.type === 'checkbox')) {
      window.clearTimeout(timer)
      form.requestSubmit()
    }
  })

  form.addEventListener('input', (event) => {
    const field = event.target
    if (!(field instanceof HTMLInputElement) || field.type !== 'number') return
    window.clearTimeout(timer)
    timer = window.setTimeout(() => {
      if (field.validity.valid) form.requestSubmit()
    }, typingPauseMs)
  })
}
