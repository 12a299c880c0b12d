package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/csvimport"
	"github.com/openelective/elective/store"
)

func (m *Main) importCmd(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "referrals" {
		fmt.Fprintln(m.Stderr, "Usage: elective import referrals [--db PATH_OR_URL] FILE.csv\n\nThe file format is described in docs/referral-import.md.")
		return fmt.Errorf("%w: expected import referrals FILE.csv", errUsage)
	}
	fs := m.flags("import referrals", "import referrals [--db PATH_OR_URL] FILE.csv")
	dsn := m.dbFlag(fs)
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: give exactly one CSV file", errUsage)
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	db, err := m.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx = systemContext(ctx, "import")
	codes, err := referenceCodes(ctx, db)
	if err != nil {
		return err
	}
	regs, err := csvimport.ReadReferrals(f, codes)
	if err == nil {
		var n int
		if n, err = store.NewReferralService(db).ImportReferrals(ctx, regs); err == nil {
			fmt.Fprintf(m.Stdout, "Imported %d referrals from %s.\n", n, fs.Arg(0))
			return nil
		}
	}
	var ie *elective.ImportError
	if errors.As(err, &ie) {
		return fmt.Errorf("%s: %d bad rows; nothing was imported:%s", fs.Arg(0), len(ie.Rows), rowList(ie))
	}
	return describe(err)
}

func rowList(ie *elective.ImportError) string {
	var b strings.Builder
	for _, r := range ie.Rows {
		fmt.Fprintf(&b, "\n  line %d: %s", r.Line, r.Message)
	}
	return b.String()
}

// referenceCodes maps the codes an import file uses to ids.
func referenceCodes(ctx context.Context, db *store.DB) (csvimport.Codes, error) {
	org := store.NewOrganisationService(db)
	codes := csvimport.Codes{Specialties: map[string]int64{}, Clinicians: map[string]int64{}, Sites: map[string]int64{}}
	specs, err := org.FindSpecialties(ctx)
	if err != nil {
		return codes, err
	}
	for _, s := range specs {
		codes.Specialties[strings.ToUpper(s.Code)] = s.ID
	}
	clinicians, err := org.FindClinicians(ctx, 0)
	if err != nil {
		return codes, err
	}
	for _, c := range clinicians {
		codes.Clinicians[strings.ToUpper(c.Code)] = c.ID
	}
	sites, err := org.FindSites(ctx)
	for _, s := range sites {
		codes.Sites[strings.ToUpper(s.Code)] = s.ID
	}
	return codes, err
}
