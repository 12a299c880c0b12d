// shortcuts.js adds keyboard shortcuts for booking staff:
//
//   /     focus the page's search box, or its first filter field
//   g h   home            g w   waiting list
//   g p   PTL             g f   failsafe list
//   g r   register a referral
//
// Shortcuts are ignored while typing in a form field and when a modifier
// key is held, so they never steal text input or browser shortcuts.
const destinations = { h: '/', w: '/waiting-list', p: '/ptl', f: '/worklists/failsafe', r: '/referrals/new' }
let pendingG = false
let pendingTimer = 0

function isTyping (target) {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

function focusSearch () {
  const field = document.querySelector('[data-shortcut="search"]') ||
    document.querySelector('[data-filters] select, [data-filters] input:not([type="hidden"])')
  if (!field) return false
  field.focus()
  if (field instanceof HTMLInputElement) field.select()
  return true
}

function navigate (key) {
  const href = destinations[key]
  // Only follow a shortcut the page offers as a link: roles that may not
  // use a page do not see its link.
  if (href && (href === '/' || document.querySelector(`a[href="${href}"]`))) {
    window.location.assign(href)
    return true
  }
  return false
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
  if (isTyping(event.target)) return
  if (pendingG) {
    pendingG = false
    window.clearTimeout(pendingTimer)
    if (navigate(event.key)) event.preventDefault()
    return
  }
  if (event.key === '/') {
    if (focusSearch()) event.preventDefault()
  } else if (event.key === 'g') {
    pendingG = true
    pendingTimer = window.setTimeout(() => { pendingG = false }, 1500)
  }
})
