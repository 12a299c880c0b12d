package web

import (
	"net/url"
	"strconv"
)

// perPage is the number of rows on one page of a list.
const perPage = 50

// Pagination describes one page of a list and links to the others.
type Pagination struct {
	Page    int // 1-based
	Total   int
	From    int // the first row shown, 1-based; 0 when there are none
	To      int
	PrevURL string
	NextURL string
	Links   []PageLink
}

// PageLink is one numbered link; Gap marks an ellipsis.
type PageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// pageNumber reads the page query parameter (1 when absent or malformed).
func pageNumber(q url.Values) int {
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// offset is the row offset of a page.
func offset(page int) int { return (page - 1) * perPage }

// newPagination builds the pagination for page of total rows. u is the
// current URL; links keep its query (the filters) and change only page.
func newPagination(u *url.URL, page, total int) Pagination {
	p := Pagination{Page: page, Total: total}
	pages := (total + perPage - 1) / perPage
	if total > 0 && page <= pages {
		p.From = offset(page) + 1
		p.To = min(offset(page)+perPage, total)
	}
	link := func(n int) string {
		q := u.Query()
		q.Set("page", strconv.Itoa(n))
		return u.Path + "?" + q.Encode()
	}
	if page > 1 {
		p.PrevURL = link(min(page-1, max(pages, 1)))
	}
	if page < pages {
		p.NextURL = link(page + 1)
	}
	if pages <= 1 {
		return p
	}
	last := 0
	for n := 1; n <= pages; n++ {
		if n != 1 && n != pages && (n < page-2 || n > page+2) {
			continue
		}
		if last != 0 && n > last+1 {
			p.Links = append(p.Links, PageLink{Gap: true})
		}
		p.Links = append(p.Links, PageLink{Number: n, URL: link(n), Current: n == page})
		last = n
	}
	return p
}
