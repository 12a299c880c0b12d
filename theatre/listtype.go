package theatre

import (
	"strings"

	"github.com/openelective/elective"
)

// FitsListType says why a case cannot go on a list of type t, or "" if it
// can. The rule is kept simple:
//   - a case under general or regional anaesthetic (or none recorded)
//     needs an anaesthetist: a GA or paediatric list;
//   - a case under local anaesthetic or sedation fits an LA, GA or
//     paediatric list;
//   - an endoscopy list has no anaesthetist and takes only endoscopy-room
//     cases (EndoscopyProcedure) under local anaesthetic or sedation.
//
// The patient's age is not checked against paediatric lists.
func FitsListType(t elective.TheatreListType, e *elective.AdmittedListEntry) string {
	local := e.Anaesthetic == elective.AnaestheticLocal || e.Anaesthetic == elective.AnaestheticSedation
	switch t {
	case elective.ListEndoscopy:
		if !EndoscopyProcedure(e.ProcedureCode) {
			return procedure(e) + " is not an endoscopy-room procedure: an endoscopy list cannot take it"
		}
		if !local {
			return "A case under " + anaesthetic(e.Anaesthetic) + " needs a GA list: an endoscopy list has no anaesthetist"
		}
	case elective.ListLA:
		if !local {
			return "A case under " + anaesthetic(e.Anaesthetic) + " needs a GA list: a local anaesthetic list has no anaesthetist"
		}
	case elective.ListGA, elective.ListPaediatric:
	default:
		return "The list has no list type: set it before booking cases"
	}
	return ""
}

func procedure(e *elective.AdmittedListEntry) string {
	switch {
	case e.ProcedureName != "" && e.ProcedureCode != "":
		return e.ProcedureName + " (" + e.ProcedureCode + ")"
	case e.ProcedureName != "":
		return e.ProcedureName
	case e.ProcedureCode != "":
		return e.ProcedureCode
	}
	return "The procedure"
}

func anaesthetic(a elective.AnaestheticType) string {
	switch a {
	case elective.AnaestheticGeneral, "":
		return "general anaesthetic"
	case elective.AnaestheticRegional:
		return "regional anaesthetic"
	}
	return string(a)
}

// endoscopyCategories are the OPCS-4 categories of flexible endoscopy of
// the digestive tract done in an endoscopy room: oesophagus (G14-G16),
// upper gastrointestinal tract (G43-G45, gastroscopy), colon (H20-H22,
// colonoscopy) and lower bowel by flexible sigmoidoscope (H23-H25). The
// list is deliberately short; anything else is a theatre case.
var endoscopyCategories = []string{"G14", "G15", "G16", "G43", "G44", "G45", "H20", "H21", "H22", "H23", "H24", "H25"}

// EndoscopyProcedure reports whether an OPCS-4 code (e.g. "G45.1" or
// "G451") is an endoscopy-room procedure.
func EndoscopyProcedure(code string) bool {
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, c := range endoscopyCategories {
		if strings.HasPrefix(code, c) {
			return true
		}
	}
	return false
}
