package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// staticFS holds the served assets. refresh.sh and VERSION sit beside them
// in static/ but are not embedded.
//
//go:embed static/css static/js static/img
var staticFS embed.FS

// staticFile is one embedded asset.
type staticFile struct {
	name   string // plain name under static/, e.g. "css/nhsuk.min.css"
	hashed string // content-hashed name, e.g. "css/nhsuk.min.1a2b3c4d.css"
	data   []byte
}

// staticFiles indexes the assets by plain and by hashed name.
type staticFiles struct {
	byName   map[string]*staticFile
	byHashed map[string]*staticFile
}

func newStaticFiles() (*staticFiles, error) {
	sf := &staticFiles{byName: map[string]*staticFile{}, byHashed: map[string]*staticFile{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		f := &staticFile{name: name, hashed: hashedName(name, data), data: data}
		sf.byName[name], sf.byHashed[f.hashed] = f, f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: index static files: %w", err)
	}
	return sf, nil
}

// hashedName inserts the first 8 hex digits of the content's SHA-256 before
// the extension: css/nhsuk.min.css → css/nhsuk.min.<hash8>.css.
func hashedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// url returns the content-hashed URL of a static file, for the "static"
// template function. An unknown name is an error, so a typo fails the
// template tests rather than producing a broken link.
func (sf *staticFiles) url(name string) (string, error) {
	f, ok := sf.byName[name]
	if !ok {
		return "", fmt.Errorf("static file %q does not exist", name)
	}
	return "/static/" + f.hashed, nil
}

// ServeHTTP serves GET /static/{file...}. A hashed name never changes
// content, so it may be cached for a year; a plain name must be revalidated.
func (sf *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if f, ok := sf.byHashed[name]; ok {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		serveStatic(w, r, f)
		return
	}
	if f, ok := sf.byName[name]; ok {
		w.Header().Set("Cache-Control", "no-cache")
		serveStatic(w, r, f)
		return
	}
	http.NotFound(w, r)
}

// serveFavicon serves GET /favicon.ico, which browsers ask for by name.
func (sf *staticFiles) serveFavicon(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=86400")
	serveStatic(w, r, sf.byName["img/favicon.ico"])
}

func serveStatic(w http.ResponseWriter, r *http.Request, f *staticFile) {
	ctype := mime.TypeByExtension(path.Ext(f.name))
	switch path.Ext(f.name) {
	case ".ico":
		ctype = "image/x-icon"
	case ".js":
		ctype = "text/javascript; charset=utf-8"
	}
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	w.Header().Set("ETag", `"`+strings.TrimSuffix(path.Base(f.hashed), path.Ext(f.hashed))+`"`)
	http.ServeContent(w, r, f.name, time.Time{}, bytes.NewReader(f.data))
}
