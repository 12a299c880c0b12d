package web

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestStatic(t *testing.T) {
	e := newTestEnv(t)
	css, err := e.server.static.url("css/nhsuk.min.css")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^/static/css/nhsuk\.min\.[0-9a-f]{8}\.css$`).MatchString(css) {
		t.Fatalf("hashed URL = %q", css)
	}
	if _, err := e.server.static.url("css/missing.css"); err == nil {
		t.Error("url of a missing file did not fail")
	}
	t.Run("Hashed", func(t *testing.T) {
		w := e.get(css, "")
		wantStatus(t, w, http.StatusOK)
		if cc := w.Header().Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("Cache-Control = %q", cc)
		}
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
			t.Errorf("Content-Type = %q", ct)
		}
		if strings.Contains(w.Body.String(), "assets.nhs.uk") {
			t.Error("the CSS still loads fonts from assets.nhs.uk")
		}
	})
	t.Run("Plain", func(t *testing.T) {
		for _, path := range []string{"/static/js/nhsuk-frontend.min.js", "/static/img/nhsuk-icon-cross.svg"} {
			w := e.get(path, "")
			wantStatus(t, w, http.StatusOK)
			if cc := w.Header().Get("Cache-Control"); cc != "no-cache" {
				t.Errorf("%s: Cache-Control = %q", path, cc)
			}
		}
		if ct := e.get("/static/js/init.js", "").Header().Get("Content-Type"); ct != "text/javascript; charset=utf-8" {
			t.Errorf("JS Content-Type = %q", ct)
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		for _, path := range []string{"/static/css/nope.css", "/static/refresh.sh", "/static/VERSION", "/static/../server.go"} {
			if w := e.get(path, ""); w.Code == http.StatusOK {
				t.Errorf("%s: status = %d", path, w.Code)
			}
		}
	})
	t.Run("Favicon", func(t *testing.T) {
		w := e.get("/favicon.ico", "")
		wantStatus(t, w, http.StatusOK)
		if w.Header().Get("Content-Type") != "image/x-icon" {
			t.Errorf("Content-Type = %q", w.Header().Get("Content-Type"))
		}
	})
	t.Run("CSSIcons", func(t *testing.T) {
		body, _ := io.ReadAll(e.get(css, "").Body)
		for _, m := range regexp.MustCompile(`url\((/static/img/[^)]+)\)`).FindAllSubmatch(body, -1) {
			if w := e.get(string(m[1]), ""); w.Code != http.StatusOK {
				t.Errorf("CSS refers to %s: status %d", m[1], w.Code)
			}
		}
	})
	t.Run("LayoutUsesHashedURLs", func(t *testing.T) {
		body := e.get("/login", "").Body.String()
		wantStatic := regexp.MustCompile(`(href|src)="/static/(css|js)/[a-z.-]+\.[0-9a-f]{8}\.(css|js)"`)
		if n := len(wantStatic.FindAllString(body, -1)); n != 6 {
			t.Errorf("found %d hashed asset URLs in the layout, want 6", n)
		}
	})
}
