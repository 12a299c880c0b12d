// filter.js submits a filter form as soon as one of its selects changes,
// so that the list follows the filters without a click. It is progressive
// enhancement: without JavaScript the "Apply filters" button does the same.
for (const form of document.querySelectorAll('form[data-filters]')) {
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) form.requestSubmit()
  })
}
