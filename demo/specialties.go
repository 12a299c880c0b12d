package demo

// specialty describes one of the demo trust's services: its treatment
// function code, its share of the work, who its patients are and how its
// clinics run. The shares follow the shape of a typical English acute trust,
// where orthopaedics, ophthalmology, general surgery, gynaecology and
// urology carry the biggest lists.
type specialty struct {
	code   string  // treatment function code
	name   string  // as staff see it
	short  string  // clinic code prefix
	area   string  // outpatient area, for room names
	weight float64 // relative share of consultants and pathways

	tww      float64 // share of referrals that are two-week wait (suspected cancer)
	medical  bool    // consultants are physicians or dentists ("Dr"), not surgeons ("Mr")
	female   float64 // share of patients who are female
	children float64 // share of patients under 18
	ageMean  float64 // adult age: mean and spread
	ageSD    float64

	newMinutes []int // lengths of new-patient slots
	fuMinutes  []int // lengths of follow-up slots

	reasons    []string // routine and urgent referral reasons
	twwReasons []string // suspected-cancer referral reasons
}

// specialties is the demo trust's specialty list, in ID order.
var specialties = []specialty{
	{code: "103", name: "Breast Surgery", short: "BRST", area: "Breast Unit", weight: 5,
		tww: 0.50, female: 0.98, ageMean: 55, ageSD: 13, newMinutes: []int{20, 30}, fuMinutes: []int{10, 15},
		reasons:    []string{"Breast pain, no lump", "Family history of breast cancer, risk assessment", "Breast cyst, recurrent", "Nipple discharge"},
		twwReasons: []string{"Breast lump, suspected cancer", "Nipple inversion with skin change", "Axillary lump"}},
	{code: "104", name: "Colorectal Surgery", short: "CRS", area: "OPD 2", weight: 6,
		tww: 0.35, female: 0.5, ageMean: 60, ageSD: 14, newMinutes: []int{20, 30}, fuMinutes: []int{10, 15},
		reasons:    []string{"Haemorrhoids, bleeding", "Anal fissure", "Pilonidal sinus", "Altered bowel habit"},
		twwReasons: []string{"Rectal bleeding with change in bowel habit", "Iron-deficiency anaemia, ?colorectal cancer", "Positive FIT result"}},
	{code: "450", name: "Community Dental", short: "CDS", area: "Dental Suite", weight: 5,
		medical: true, female: 0.5, children: 0.30, ageMean: 45, ageSD: 20, newMinutes: []int{30}, fuMinutes: []int{15},
		reasons: []string{"Dental extractions under sedation", "Dental anxiety, treatment under GA", "Special care dentistry", "Multiple carious teeth"}},
	{code: "301", name: "Endoscopy", short: "ENDO", area: "Endoscopy Unit", weight: 6,
		tww: 0.30, medical: true, female: 0.5, ageMean: 58, ageSD: 15, newMinutes: []int{20, 30}, fuMinutes: []int{10, 15},
		reasons:    []string{"Dyspepsia not responding to PPI", "Surveillance of Barrett's oesophagus", "Chronic diarrhoea", "Coeliac serology positive"},
		twwReasons: []string{"Dysphagia, suspected oesophageal cancer", "Upper abdominal mass", "Weight loss with dyspepsia"}},
	{code: "100", name: "General Surgery", short: "GSUR", area: "OPD 1", weight: 10,
		female: 0.45, children: 0.02, ageMean: 52, ageSD: 16, newMinutes: []int{20, 25}, fuMinutes: []int{10, 15},
		reasons: []string{"Inguinal hernia", "Umbilical hernia", "Gallstones, biliary colic", "Lipoma of back", "Sebaceous cyst"}},
	{code: "502", name: "Gynaecology", short: "GYN", area: "Women's Health Unit", weight: 10,
		tww: 0.20, female: 1, ageMean: 45, ageSD: 14, newMinutes: []int{20, 30}, fuMinutes: []int{15},
		reasons:    []string{"Heavy menstrual bleeding", "Pelvic organ prolapse", "Endometriosis, pelvic pain", "Ovarian cyst", "Urinary incontinence"},
		twwReasons: []string{"Post-menopausal bleeding", "Pelvic mass, raised CA125", "Vulval lesion, suspected cancer"}},
	{code: "130", name: "Ophthalmology", short: "OPHT", area: "Eye Clinic", weight: 12,
		female: 0.55, children: 0.04, ageMean: 70, ageSD: 12, newMinutes: []int{20, 25}, fuMinutes: []int{10},
		reasons: []string{"Cataract, reduced vision", "Glaucoma, raised pressure", "Diabetic retinopathy", "Ptosis", "Squint"}},
	{code: "144", name: "Maxillo-Facial Surgery", short: "OMFS", area: "Head and Neck Unit", weight: 5,
		female: 0.5, children: 0.06, ageMean: 40, ageSD: 17, newMinutes: []int{20, 30}, fuMinutes: []int{10, 15},
		reasons: []string{"Impacted wisdom teeth", "Jaw joint pain (TMJ)", "Salivary gland swelling", "Facial skin lesion"}},
	{code: "110", name: "Trauma and Orthopaedics", short: "ORTH", area: "OPD 3", weight: 14,
		female: 0.55, children: 0.03, ageMean: 60, ageSD: 15, newMinutes: []int{20, 25}, fuMinutes: []int{10},
		reasons: []string{"Knee osteoarthritis", "Hip pain, reduced mobility", "Carpal tunnel syndrome", "Hallux valgus (bunion)", "Shoulder impingement", "Trigger finger"}},
	{code: "191", name: "Pain Management", short: "PAIN", area: "Pain Clinic", weight: 4,
		medical: true, female: 0.6, ageMean: 55, ageSD: 14, newMinutes: []int{30}, fuMinutes: []int{15},
		reasons: []string{"Chronic low back pain", "Neuropathic pain", "Fibromyalgia", "Facet joint pain, for injection"}},
	{code: "160", name: "Plastic Surgery", short: "PLAS", area: "OPD 4", weight: 5,
		female: 0.55, children: 0.06, ageMean: 50, ageSD: 18, newMinutes: []int{20, 25}, fuMinutes: []int{10, 15},
		reasons: []string{"Dupuytren's contracture", "Basal cell carcinoma excision", "Ganglion of wrist", "Scar revision"}},
	{code: "106", name: "Upper Gastrointestinal Surgery", short: "UGI", area: "OPD 2", weight: 5,
		tww: 0.30, female: 0.5, ageMean: 58, ageSD: 14, newMinutes: []int{20, 30}, fuMinutes: []int{10, 15},
		reasons:    []string{"Gastro-oesophageal reflux, for fundoplication", "Hiatus hernia", "Gallstones", "Bariatric assessment"},
		twwReasons: []string{"Suspected oesophageal cancer", "Suspected pancreatic cancer, jaundice", "Suspected gastric cancer"}},
	{code: "101", name: "Urology", short: "URO", area: "Urology Centre", weight: 9,
		tww: 0.25, female: 0.25, children: 0.02, ageMean: 66, ageSD: 12, newMinutes: []int{20, 30}, fuMinutes: []int{10, 15},
		reasons:    []string{"Lower urinary tract symptoms, BPH", "Kidney stones", "Recurrent urinary tract infection", "Vasectomy"},
		twwReasons: []string{"Visible haematuria", "Raised PSA", "Testicular lump"}},
	{code: "107", name: "Vascular Surgery", short: "VASC", area: "Vascular Lab", weight: 4,
		female: 0.35, ageMean: 70, ageSD: 11, newMinutes: []int{20, 30}, fuMinutes: []int{15},
		reasons: []string{"Varicose veins", "Intermittent claudication", "Abdominal aortic aneurysm surveillance", "Carotid stenosis"}},
}

// specWeights is the weight column of specialties, for weighted picks.
var specWeights = specialtyWeights()

func specialtyWeights() []float64 {
	w := make([]float64, len(specialties))
	for i, s := range specialties {
		w[i] = s.weight
	}
	return w
}

// urgentShare is the share of referrals marked urgent in every specialty.
const urgentShare = 0.15
