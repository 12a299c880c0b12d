package demo

import "github.com/openelective/elective"

// procedure is a common operation of a specialty: its OPCS-4 code and the
// theatre minutes, anaesthetic, stay and kit it typically takes.
type procedure struct {
	code, name  string
	minutes     int
	anaesthetic elective.AnaestheticType
	nights      int // 0: a day case
	kit         string
	weight      float64
	hdu         float64 // share booked an HDU bed afterwards
}

// Kit the demo theatres share, with how many of each the trust has.
const (
	kitArthroscopy = "arthroscopy stack"
	kitImage       = "image intensifier"
	kitLaparoscopy = "laparoscopic stack"
	kitPhaco       = "phaco machine"
	kitMicroscope  = "operating microscope"
	kitCystoscope  = "cystoscopy stack"
)

var demoKit = map[string]int{kitArthroscopy: 2, kitImage: 2, kitLaparoscopy: 3, kitPhaco: 2, kitMicroscope: 1, kitCystoscope: 2}

// demoMobileKit goes to any theatre: the image intensifiers are on
// trolleys, the stacks and microscopes are set up in their theatres.
var demoMobileKit = []string{kitImage}

// procedures are the demo's operations by treatment function code: a
// small, plausible share of each specialty's OPCS-4 work.
var procedures = map[string][]procedure{
	"103": { // breast
		{"B28.1", "Wide local excision of breast lesion", 90, elective.AnaestheticGeneral, 0, "", 3, 0},
		{"B27.4", "Total mastectomy", 150, elective.AnaestheticGeneral, 2, "", 1, 0}},
	"104": { // colorectal
		{"H51.1", "Haemorrhoidectomy", 45, elective.AnaestheticGeneral, 0, "", 3, 0},
		{"H56.4", "Lateral internal sphincterotomy", 30, elective.AnaestheticGeneral, 0, "", 2, 0},
		{"H33.3", "Laparoscopic anterior resection of rectum", 240, elective.AnaestheticGeneral, 5, kitLaparoscopy, 1, 0.5}},
	"450": { // community dental
		{"F10.4", "Extraction of multiple teeth under GA", 45, elective.AnaestheticGeneral, 0, "", 3, 0},
		{"F14.1", "Restoration of teeth under GA", 60, elective.AnaestheticGeneral, 0, "", 1, 0}},
	"301": { // endoscopy
		{"G45.1", "Diagnostic gastroscopy", 20, elective.AnaestheticSedation, 0, "", 3, 0},
		{"H22.1", "Diagnostic colonoscopy", 40, elective.AnaestheticSedation, 0, "", 3, 0},
		{"H25.1", "Flexible sigmoidoscopy", 20, elective.AnaestheticLocal, 0, "", 1, 0}},
	"100": { // general surgery
		{"T20.2", "Primary repair of inguinal hernia", 75, elective.AnaestheticGeneral, 0, "", 4, 0},
		{"T24.2", "Repair of umbilical hernia", 60, elective.AnaestheticGeneral, 0, "", 2, 0},
		{"J18.3", "Laparoscopic cholecystectomy", 90, elective.AnaestheticGeneral, 1, kitLaparoscopy, 3, 0},
		{"S06.5", "Excision of lipoma", 30, elective.AnaestheticLocal, 0, "", 1, 0}},
	"502": { // gynaecology
		{"Q18.1", "Diagnostic hysteroscopy", 30, elective.AnaestheticGeneral, 0, "", 3, 0},
		{"Q07.4", "Total abdominal hysterectomy", 150, elective.AnaestheticGeneral, 3, "", 1, 0.1},
		{"Q38.3", "Laparoscopic excision of endometriosis", 120, elective.AnaestheticGeneral, 1, kitLaparoscopy, 1, 0},
		{"P23.2", "Anterior colporrhaphy", 75, elective.AnaestheticRegional, 1, "", 1, 0}},
	"130": { // ophthalmology
		{"C75.1", "Phacoemulsification of lens with implant", 30, elective.AnaestheticLocal, 0, kitPhaco, 6, 0},
		{"C60.1", "Trabeculectomy", 60, elective.AnaestheticLocal, 0, kitMicroscope, 1, 0},
		{"C13.1", "Correction of ptosis", 45, elective.AnaestheticLocal, 0, "", 1, 0}},
	"144": { // maxillo-facial
		{"F09.1", "Surgical removal of impacted wisdom teeth", 60, elective.AnaestheticGeneral, 0, "", 4, 0},
		{"F44.2", "Excision of submandibular gland", 90, elective.AnaestheticGeneral, 1, "", 1, 0}},
	"110": { // trauma and orthopaedics
		{"W40.1", "Primary total knee replacement", 150, elective.AnaestheticRegional, 3, "", 3, 0.05},
		{"W37.1", "Primary total hip replacement", 150, elective.AnaestheticRegional, 3, "", 3, 0.05},
		{"W85.2", "Arthroscopic meniscectomy of knee", 60, elective.AnaestheticGeneral, 0, kitArthroscopy, 3, 0},
		{"A65.1", "Carpal tunnel release", 20, elective.AnaestheticLocal, 0, "", 3, 0},
		{"W15.1", "Osteotomy for hallux valgus", 75, elective.AnaestheticGeneral, 0, kitImage, 2, 0},
		{"T72.3", "Release of trigger finger", 20, elective.AnaestheticLocal, 0, "", 2, 0}},
	"191": { // pain management
		{"V54.4", "Facet joint injection under image guidance", 30, elective.AnaestheticLocal, 0, kitImage, 3, 0},
		{"A57.7", "Radiofrequency denervation of spinal nerve", 45, elective.AnaestheticLocal, 0, kitImage, 1, 0}},
	"160": { // plastic surgery
		{"T52.1", "Palmar fasciectomy (Dupuytren's)", 75, elective.AnaestheticRegional, 0, "", 2, 0},
		{"S06.1", "Excision of basal cell carcinoma of skin", 30, elective.AnaestheticLocal, 0, "", 3, 0},
		{"T59.1", "Excision of ganglion of wrist", 30, elective.AnaestheticLocal, 0, "", 2, 0}},
	"106": { // upper GI
		{"G24.3", "Laparoscopic fundoplication", 150, elective.AnaestheticGeneral, 2, kitLaparoscopy, 2, 0},
		{"J18.3", "Laparoscopic cholecystectomy", 90, elective.AnaestheticGeneral, 1, kitLaparoscopy, 3, 0}},
	"101": { // urology
		{"M65.3", "Transurethral resection of prostate", 75, elective.AnaestheticRegional, 2, kitCystoscope, 3, 0},
		{"M45.9", "Diagnostic cystoscopy", 20, elective.AnaestheticLocal, 0, kitCystoscope, 3, 0},
		{"M27.1", "Ureteroscopic extraction of calculus", 60, elective.AnaestheticGeneral, 0, kitImage, 2, 0},
		{"N17.1", "Vasectomy", 30, elective.AnaestheticLocal, 0, "", 1, 0}},
	"107": { // vascular
		{"L88.3", "Endovenous laser ablation of varicose vein", 60, elective.AnaestheticLocal, 0, "", 3, 0},
		{"L85.1", "Ligation of long saphenous vein", 90, elective.AnaestheticGeneral, 0, "", 1, 0},
		{"L29.5", "Carotid endarterectomy", 150, elective.AnaestheticGeneral, 3, "", 1, 0.6}},
}

// listTypeOf is the list type of a specialty's sessions in week w: lists
// for work under local anaesthetic have no anaesthetist; plastics
// alternates.
func listTypeOf(code string, w int) elective.TheatreListType {
	switch code {
	case "301":
		return elective.ListEndoscopy
	case "130", "191":
		return elective.ListLA
	case "160":
		if w%2 == 1 {
			return elective.ListLA
		}
	}
	return elective.ListGA
}

// sessionKit is the kit a specialty's lists have set up.
func sessionKit(code string) []string {
	switch code {
	case "110":
		return []string{kitArthroscopy, kitImage}
	case "104", "100", "502", "106":
		return []string{kitLaparoscopy}
	case "130":
		return []string{kitPhaco, kitMicroscope}
	case "191":
		return []string{kitImage}
	case "101":
		return []string{kitCystoscope, kitImage}
	}
	return nil
}
