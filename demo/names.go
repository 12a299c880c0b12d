package demo

// nameGroup is a naming tradition found in English towns, with given names
// by sex, family names and the languages its members may need an
// interpreter for. Picking names within one group keeps them plausible
// together ("Katarzyna Nowak", not "Katarzyna Okonkwo-Smith" by accident).
type nameGroup struct {
	patients    float64 // share of patients
	consultants float64 // share of consultants
	female      []string
	male        []string
	family      []string
	languages   []string // interpreter languages; none for English speakers
}

// olderFemale and olderMale replace the British given names for people born
// before 1965, whose names differ from their grandchildren's.
var (
	olderFemale = []string{"Margaret", "Patricia", "Susan", "Linda", "Janet", "Carol", "Christine", "Elaine",
		"Jean", "Barbara", "Pauline", "Sheila", "Maureen", "Brenda", "Valerie", "Gillian", "Kathleen", "Irene", "Doreen", "Joan"}
	olderMale = []string{"John", "David", "Michael", "Peter", "Robert", "Brian", "Keith", "Graham", "Stephen",
		"Alan", "Kenneth", "Derek", "Colin", "Trevor", "Roger", "Malcolm", "Geoffrey", "Raymond", "Barry", "Terence"}
)

var nameGroups = []nameGroup{
	{patients: 0.70, consultants: 0.45,
		female: []string{"Sarah", "Emma", "Claire", "Rachel", "Laura", "Rebecca", "Charlotte", "Sophie", "Olivia", "Amelia",
			"Isla", "Ava", "Grace", "Chloe", "Jessica", "Hannah", "Lucy", "Katie", "Megan", "Siobhan", "Niamh", "Bethan",
			"Eleanor", "Alice", "Joanne", "Nicola", "Kelly", "Louise", "Victoria", "Harriet", "Freya", "Poppy", "Jade"},
		male: []string{"James", "Daniel", "Thomas", "Matthew", "Christopher", "Oliver", "Harry", "Jack", "George", "Noah",
			"Leo", "Alfie", "Mark", "Andrew", "Richard", "Paul", "Gareth", "Rhys", "Owen", "Callum", "Liam", "Sean",
			"Declan", "Ciaran", "William", "Samuel", "Joseph", "Benjamin", "Adam", "Luke", "Ryan", "Marcus", "Jamal"},
		family: []string{"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
			"Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis",
			"Harris", "Clarke", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore",
			"Clark", "King", "Baker", "Harrison", "Morgan", "Allen", "Scott", "Phillips", "Watson", "Parker", "Price",
			"Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins",
			"Bell", "Shaw", "Murphy", "Miller", "Cox", "Marshall", "Anderson", "Ellis", "Foster", "Chapman", "Webb",
			"Fletcher", "Holloway", "Pritchard", "Ashworth", "O'Brien", "O'Connor", "McCarthy", "Byrne", "Doyle",
			"MacDonald", "Fraser", "Campbell", "Sinclair", "Llewellyn", "Joseph", "Francis", "Grant", "Hargreaves"}},
	{patients: 0.07, consultants: 0.14, languages: []string{"Urdu", "Punjabi", "Bengali", "Sylheti", "Pashto"},
		female: []string{"Aisha", "Fatima", "Amina", "Zainab", "Sana", "Nadia", "Ayesha", "Maryam", "Samina", "Rukhsana", "Shazia", "Hafsa"},
		male:   []string{"Mohammed", "Muhammad", "Ahmed", "Ali", "Omar", "Imran", "Tariq", "Hamza", "Bilal", "Asif", "Zubair", "Kamran"},
		family: []string{"Khan", "Hussain", "Ahmed", "Ali", "Begum", "Iqbal", "Rahman", "Miah", "Chaudhry", "Akhtar", "Malik", "Qureshi", "Siddiqui"}},
	{patients: 0.06, consultants: 0.16, languages: []string{"Gujarati", "Punjabi", "Hindi", "Tamil"},
		female: []string{"Priya", "Anjali", "Kavita", "Sunita", "Gurpreet", "Harpreet", "Deepa", "Meera", "Nisha", "Pooja", "Lakshmi", "Simran"},
		male:   []string{"Rajesh", "Sanjay", "Arjun", "Vikram", "Harjit", "Gurdeep", "Amit", "Rohan", "Suresh", "Anand", "Karthik", "Manpreet"},
		family: []string{"Patel", "Singh", "Kaur", "Sharma", "Shah", "Gupta", "Mistry", "Kumar", "Joshi", "Sandhu", "Gill", "Nair", "Krishnan", "Mehta"}},
	{patients: 0.04, consultants: 0.09, languages: []string{"Yoruba", "Twi", "Tigrinya"},
		female: []string{"Ngozi", "Chidinma", "Adaeze", "Funmilayo", "Abena", "Amara", "Folake", "Yetunde", "Akosua", "Nneka"},
		male:   []string{"Chinedu", "Emeka", "Oluwaseun", "Kwame", "Kofi", "Tunde", "Obinna", "Femi", "Yaw", "Chukwuma"},
		family: []string{"Okafor", "Adeyemi", "Mensah", "Nwosu", "Osei", "Okonkwo", "Adebayo", "Boateng", "Eze", "Owusu", "Afolabi", "Asante"}},
	{patients: 0.06, consultants: 0.05, languages: []string{"Polish", "Romanian", "Lithuanian", "Bulgarian"},
		female: []string{"Agnieszka", "Katarzyna", "Magdalena", "Ioana", "Elena", "Anna", "Monika", "Andreea", "Joanna", "Irina"},
		male:   []string{"Tomasz", "Piotr", "Krzysztof", "Andrei", "Mihai", "Pawel", "Marek", "Lukasz", "Bogdan", "Jonas"},
		family: []string{"Kowalski", "Nowak", "Wisniewski", "Lewandowski", "Popescu", "Ionescu", "Kaminski", "Zielinski", "Kazlauskas", "Dimitrov", "Wojcik", "Stan"}},
	{patients: 0.02, consultants: 0.06, languages: []string{"Cantonese", "Mandarin", "Vietnamese"},
		female: []string{"Mei", "Lin", "Xiu", "Hoa", "Lan", "Jing", "Yan", "Thi"},
		male:   []string{"Wei", "Jun", "Hao", "Minh", "Tuan", "Jian", "Lei", "Quang"},
		family: []string{"Nguyen", "Chen", "Wong", "Li", "Zhang", "Tran", "Lam", "Cheung", "Liu", "Pham"}},
	{patients: 0.03, consultants: 0.03, languages: []string{"Portuguese", "Italian", "Spanish"},
		female: []string{"Maria", "Ana", "Sofia", "Giulia", "Beatriz", "Lucia", "Ines", "Chiara"},
		male:   []string{"Luca", "Mateus", "Joao", "Marco", "Pedro", "Alessandro", "Diego", "Tiago"},
		family: []string{"Silva", "Santos", "Costa", "Rossi", "Ferreira", "Romano", "Oliveira", "Garcia", "Bianchi", "Pereira"}},
	{patients: 0.02, consultants: 0.02, languages: []string{"Somali", "Arabic", "Kurdish"},
		female: []string{"Hodan", "Farhiya", "Layla", "Noor", "Hawa", "Amal", "Sahra", "Rania"},
		male:   []string{"Abdi", "Yusuf", "Hassan", "Mustafa", "Khalid", "Ibrahim", "Abdullahi", "Karim"},
		family: []string{"Mohamed", "Abdi", "Farah", "Osman", "Hassan", "Ismail", "Yusuf", "Aden", "Haddad", "Mansour"}},
}

// groupWeights returns the patient or consultant share of each group.
func groupWeights(consultants bool) []float64 {
	w := make([]float64, len(nameGroups))
	for i, ng := range nameGroups {
		w[i] = ng.patients
		if consultants {
			w[i] = ng.consultants
		}
	}
	return w
}

// personName picks a given and family name for someone of the given sex
// born in year, from group gi. About 2% of British family names are
// double-barrelled.
func (g *gen) personName(gi int, female bool, born int) (given, family string) {
	ng := &nameGroups[gi]
	switch {
	case female && gi == 0 && born < 1965:
		given = pick(g, olderFemale)
	case female:
		given = pick(g, ng.female)
	case gi == 0 && born < 1965:
		given = pick(g, olderMale)
	default:
		given = pick(g, ng.male)
	}
	family = pick(g, ng.family)
	if gi == 0 && g.chance(0.02) {
		if other := pick(g, ng.family); other != family {
			family += "-" + other
		}
	}
	return given, family
}

// patientTitle is the title a patient is addressed by: Master or Miss for
// children, and the usual adult titles with a few doctors and clergy.
func (g *gen) patientTitle(female bool, age int) string {
	switch {
	case age < 16 && female:
		return "Miss"
	case age < 16:
		return "Master"
	case g.chance(0.015):
		return "Dr"
	case g.chance(0.003):
		return "Rev"
	case !female:
		return "Mr"
	case age < 25:
		return pick(g, []string{"Miss", "Miss", "Ms"})
	}
	return pick(g, []string{"Mrs", "Mrs", "Mrs", "Ms", "Ms", "Miss"})
}
