// Package outbox holds the senders the dispatcher hands letters and
// messages to: a folder (the default: letters land there as PDF files for
// the print room, texts and e-mails as text files for a gateway to pick
// up) and SMTP for e-mail. Both implement elective.Sender.
package outbox

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/openelective/elective"
)

// Folder writes each message to a file in Dir, named by its id and kind,
// so that a rerun overwrites rather than duplicates. Files are written to
// a temporary name and renamed, so a reader never sees half a letter.
type Folder struct{ Dir string }

// Send writes the message.
func (f Folder) Send(_ context.Context, m *elective.Message, pdf []byte) error {
	if err := os.MkdirAll(f.Dir, 0o750); err != nil {
		return err
	}
	name, data := fmt.Sprintf("%06d-%s-%s", m.ID, m.Channel, m.Kind), []byte(nil)
	switch m.Channel {
	case elective.ChannelLetter:
		if len(pdf) == 0 {
			return fmt.Errorf("outbox: letter %d has no PDF", m.ID)
		}
		name, data = name+".pdf", pdf
	default:
		name, data = name+".txt", []byte("To: "+m.To+"\n\n"+m.Body+"\n")
	}
	tmp := filepath.Join(f.Dir, "."+name+".tmp")
	if err := os.WriteFile(tmp, data, 0o640); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(f.Dir, name))
}
