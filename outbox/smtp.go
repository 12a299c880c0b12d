package outbox

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"mime"
	"net/smtp"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// SMTP sends e-mail messages through a mail server, and hands every other
// channel to Next (normally the folder). Letters are posted, not e-mailed:
// an e-mailed letter would need the patient's consent to e-mail, which the
// patient record does not yet hold.
type SMTP struct {
	Addr string // host:port
	From string
	Auth smtp.Auth // nil for a relay that needs none
	Next elective.Sender
	Now  func() time.Time
}

// Send sends an e-mail, or passes the message on.
func (s SMTP) Send(ctx context.Context, m *elective.Message, pdf []byte) error {
	if m.Channel != elective.ChannelEmail {
		return s.Next.Send(ctx, m, pdf)
	}
	if strings.ContainsAny(m.To, "\r\n") || !strings.Contains(m.To, "@") {
		return fmt.Errorf("outbox: %q is not an e-mail address", m.To)
	}
	return smtp.SendMail(s.Addr, s.Auth, s.From, []string{m.To}, s.compose(m))
}

// compose writes a plain-text MIME message with an encoded subject.
func (s SMTP) compose(m *elective.Message) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\n",
		s.From, m.To, mime.QEncoding.Encode("utf-8", m.Kind.Label()), s.Now().Format(time.RFC1123Z))
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	enc := base64.StdEncoding.EncodeToString([]byte(m.Body))
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.Bytes()
}
