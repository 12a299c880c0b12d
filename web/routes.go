package web

import "net/http"

// routes is the one routing table. Every page needs a signed-in user
// (private) except sign-in itself and the static files; every private POST
// is checked for the session's CSRF token.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()

	// Public.
	mux.Handle("GET /static/{file...}", s.static)
	mux.HandleFunc("GET /favicon.ico", s.static.serveFavicon)
	mux.Handle("GET /login", s.public(s.handleLoginNew))
	mux.Handle("POST /login", s.public(s.handleLoginCreate))

	// Signed in.
	mux.Handle("POST /logout", s.private(s.handleLogout))
	mux.Handle("GET /{$}", s.private(s.handleHome))

	mux.Handle("GET /patients", s.private(s.handlePatientIndex))
	mux.Handle("GET /patients/{id}", s.private(s.handlePatientView))
	mux.Handle("GET /patients/{id}/audit", s.private(s.handlePatientAudit))
	mux.Handle("GET /messages/{id}/letter.pdf", s.private(s.handleLetterPDF))
	mux.Handle("GET /audit", s.private(s.handleAuditIndex))

	mux.Handle("GET /referrals/new", s.private(s.handleReferralNew))
	mux.Handle("POST /referrals", s.private(s.handleReferralCreate))

	mux.Handle("GET /pathways/{id}", s.private(s.handlePathwayView))
	mux.Handle("POST /pathways/{id}/validations", s.private(s.handleValidationCreate))
	mux.Handle("POST /pathways/{id}/events", s.private(s.handleEventCreate))
	mux.Handle("GET /pathways/{id}/book", s.private(s.handleAppointmentNew))
	mux.Handle("POST /pathways/{id}/appointments", s.private(s.handleAppointmentCreate))
	mux.Handle("POST /pathways/{id}/offers", s.private(s.handleOfferCreate))
	mux.Handle("POST /pathways/{id}/offers/other", s.private(s.handleOfferRecord))
	mux.Handle("POST /pathways/{id}/unavailability", s.private(s.handleUnavailabilityCreate))
	mux.Handle("POST /pathways/{id}/unavailability/delete", s.private(s.handleUnavailabilityDelete))

	mux.Handle("GET /templates", s.private(s.handleTemplateIndex))
	mux.Handle("GET /templates/new", s.private(s.handleTemplateNew))
	mux.Handle("POST /templates", s.private(s.handleTemplateCreate))
	mux.Handle("GET /templates/{id}", s.private(s.handleTemplateView))
	mux.Handle("POST /templates/{id}/exceptions", s.private(s.handleTemplateException))
	mux.Handle("POST /templates/{id}/end", s.private(s.handleTemplateEnd))
	mux.Handle("GET /sessions", s.private(s.handleSessionIndex))
	mux.Handle("GET /sessions/{id}", s.private(s.handleSessionView))
	mux.Handle("POST /sessions/{id}/cancel", s.private(s.handleSessionCancel))
	mux.Handle("GET /displaced", s.private(s.handleDisplacedIndex))
	mux.Handle("POST /displaced", s.private(s.handleDisplacedBook))
	mux.Handle("GET /slots", s.private(s.handleSlotIndex))
	mux.Handle("GET /slots/{id}", s.private(s.handleSlotView))

	mux.Handle("GET /appointments/{id}/outcome", s.private(s.handleAppointmentOutcome))
	mux.Handle("POST /appointments/{id}/outcome", s.private(s.handleAppointmentRecordOutcome))
	mux.Handle("POST /appointments/{id}/correction", s.private(s.handleAppointmentCorrect))
	mux.Handle("GET /appointments/{id}/move", s.private(s.handleAppointmentMove))
	mux.Handle("POST /appointments/{id}/move", s.private(s.handleAppointmentMoveCreate))

	mux.Handle("GET /admitted", s.private(s.handleAdmittedIndex))
	mux.Handle("GET /admitted/export.csv", s.private(s.handleAdmittedExportCSV))
	mux.Handle("GET /admitted/{id}", s.private(s.handleAdmittedView))
	mux.Handle("GET /pathways/{id}/admit", s.private(s.handleAdmitNew))
	mux.Handle("POST /pathways/{id}/admit", s.private(s.handleAdmitCreate))
	mux.Handle("POST /admitted/{id}/preop", s.private(s.handlePreOpBook))
	mux.Handle("POST /preop/{id}/outcome", s.private(s.handlePreOpOutcome))
	mux.Handle("POST /admitted/{id}/schedule", s.private(s.handleScheduleCase))
	mux.Handle("GET /theatre-sessions", s.private(s.handleTheatreSessionIndex))
	mux.Handle("POST /theatre-sessions", s.private(s.handleTheatreSessionCreate))
	mux.Handle("GET /theatre-sessions/export.csv", s.private(s.handleTheatreSessionsCSV))
	mux.Handle("GET /theatre-sessions/{id}", s.private(s.handleTheatreSessionView))
	mux.Handle("POST /theatre-sessions/{id}/staffing", s.private(s.handleSessionStaffing))
	mux.Handle("POST /theatre-sessions/{id}/release", s.private(s.handleSessionRelease))
	mux.Handle("POST /theatre-sessions/{id}/lock", s.private(s.handleSessionLock))
	mux.Handle("GET /theatre-templates", s.private(s.handleTheatreTemplates))
	mux.Handle("POST /theatre-templates", s.private(s.handleTheatreTemplateCreate))
	mux.Handle("POST /theatre-templates/generate", s.private(s.handleTheatreTemplateGenerate))
	mux.Handle("POST /theatre-templates/{id}/end", s.private(s.handleTheatreTemplateEnd))
	mux.Handle("POST /theatre-templates/{id}/exceptions", s.private(s.handleTheatreTemplateException))
	mux.Handle("GET /theatre-templates/{id}/edit", s.private(s.handleTheatreTemplateEdit))
	mux.Handle("POST /theatre-templates/{id}/preview", s.private(s.handleTheatreTemplatePreview))
	mux.Handle("POST /theatre-templates/{id}/edit", s.private(s.handleTheatreTemplateUpdate))
	mux.Handle("POST /cases/{id}", s.private(s.handleCaseAction))
	mux.Handle("POST /cases/{id}/admission", s.private(s.handleCaseAdmission))
	mux.Handle("GET /cancelled-operations", s.private(s.handleCancelledOperations))
	mux.Handle("GET /theatre-plan", s.private(s.handlePlanNew))
	mux.Handle("POST /theatre-plan", s.private(s.handlePlanCreate))
	mux.Handle("GET /theatre-plan/{job}", s.private(s.handlePlanView))
	mux.Handle("POST /theatre-plan/{job}/stop", s.private(s.handlePlanStop))
	mux.Handle("POST /theatre-plan/{job}/accept", s.private(s.handlePlanAccept))
	mux.Handle("GET /reports/theatres", s.private(s.handleTheatreReport))

	mux.Handle("GET /rooms", s.private(s.handleRoomIndex))
	mux.Handle("POST /rooms", s.private(s.handleRoomCreate))
	mux.Handle("GET /rooms/{id}", s.private(s.handleRoomView))
	mux.Handle("POST /rooms/{id}/bookings", s.private(s.handleRoomBook))
	mux.Handle("POST /room-bookings/{id}/cancel", s.private(s.handleRoomBookingCancel))
	mux.Handle("GET /claims", s.private(s.handleClaimIndex))
	mux.Handle("GET /claims/new", s.private(s.handleClaimNew))
	mux.Handle("POST /claims", s.private(s.handleClaimCreate))
	mux.Handle("POST /claims/{id}/decision", s.private(s.handleClaimDecide))
	mux.Handle("POST /claims/{id}/fill", s.private(s.handleClaimFill))
	mux.Handle("POST /claims/mileage-rate", s.private(s.handleMileageRate))
	mux.Handle("GET /claims/export.csv", s.private(s.handleClaimsCSV))
	mux.Handle("GET /claims/export.xlsx", s.private(s.handleClaimsXLSX))

	mux.Handle("GET /staff", s.private(s.handleStaffIndex))
	mux.Handle("GET /staff/new", s.private(s.handleStaffNew))
	mux.Handle("POST /staff", s.private(s.handleStaffCreate))
	mux.Handle("GET /staff/{id}", s.private(s.handleStaffView))
	mux.Handle("GET /staff/{id}/edit", s.private(s.handleStaffEdit))
	mux.Handle("POST /staff/{id}", s.private(s.handleStaffUpdate))
	mux.Handle("POST /staff/{id}/entitlement", s.private(s.handleEntitlementSet))
	mux.Handle("GET /staff/{id}/job-plan", s.private(s.handleJobPlan))
	mux.Handle("POST /staff/{id}/job-plan", s.private(s.handleActivityAdd))
	mux.Handle("POST /staff/{id}/job-plan/{pa}/delete", s.private(s.handleActivityRemove))
	mux.Handle("GET /staff/{id}/reconciliation", s.private(s.handleReconciliation))
	mux.Handle("GET /leave", s.private(s.handleLeaveIndex))
	mux.Handle("GET /leave/new", s.private(s.handleLeaveNew))
	mux.Handle("POST /leave", s.private(s.handleLeaveCreate))
	mux.Handle("GET /leave/{id}", s.private(s.handleLeaveView))
	mux.Handle("POST /leave/{id}/approve", s.private(s.handleLeaveApprove))
	mux.Handle("POST /leave/{id}/decline", s.private(s.handleLeaveDecline))
	mux.Handle("POST /leave/{id}/cancel", s.private(s.handleLeaveCancel))
	mux.Handle("GET /rotas", s.private(s.handleRotaIndex))
	mux.Handle("POST /rotas", s.private(s.handleRotaCreate))
	mux.Handle("GET /rotas/{id}", s.private(s.handleRotaView))
	mux.Handle("POST /rotas/{id}/build", s.private(s.handleRotaBuild))
	mux.Handle("GET /rotas/{id}/build", s.private(s.handleRotaBuildView))
	mux.Handle("POST /rotas/{id}/build/stop", s.private(s.handleRotaBuildStop))
	mux.Handle("POST /rotas/{id}/duty", s.private(s.handleRotaDuty))
	mux.Handle("POST /rotas/{id}/publish", s.private(s.handleRotaPublish))
	mux.Handle("POST /rotas/{id}/import", s.private(s.handleRotaImport))
	mux.Handle("POST /rotas/{id}/pattern", s.private(s.handleRotaPattern))
	mux.Handle("POST /rotas/{id}/days-off", s.private(s.handleDayOffAsk))
	mux.Handle("POST /rotas/{id}/days-off/{req}/cancel", s.private(s.handleDayOffCancel))
	mux.Handle("GET /rotas/{id}/on-call/{staff}/{date}", s.private(s.handleRotaOnCall))
	mux.Handle("POST /rotas/{id}/on-call/{staff}/{date}/work", s.private(s.handleOnCallWorkCreate))
	mux.Handle("GET /rotas/{id}/rota.csv", s.private(s.handleRotaCSV))
	mux.Handle("GET /rotas/{id}/rota.xlsx", s.private(s.handleRotaXLSX))
	mux.Handle("GET /rotas/{id}/rota.ics", s.private(s.handleRotaICS))
	mux.Handle("GET /rota-setup", s.private(s.handleRotaSetup))
	mux.Handle("POST /rota-setup/shift-types", s.private(s.handleShiftTypeCreate))
	mux.Handle("POST /rota-setup/cover-rules", s.private(s.handleCoverRuleCreate))
	mux.Handle("GET /cover", s.private(s.handleCover))

	mux.Handle("GET /waiting-list", s.private(s.handleWaitingListIndex))
	mux.Handle("GET /ptl", s.private(s.handlePTLIndex))
	mux.Handle("GET /worklists/{list}", s.private(s.handleWorklistIndex))
	mux.Handle("GET /followups", s.private(s.handleFollowUpIndex))
	mux.Handle("GET /asi", s.private(s.handleASIIndex))
	mux.Handle("GET /triage", s.private(s.handleTriageIndex))
	mux.Handle("POST /triage/{id}", s.private(s.handleTriageDecide))
	mux.Handle("POST /followups/{id}/discharge", s.private(s.handlePIFUDischarge))
	mux.Handle("GET /ptl/export.csv", s.private(s.handlePTLExportCSV))
	mux.Handle("GET /ptl/export.xlsx", s.private(s.handlePTLExportXLSX))

	mux.Handle("GET /reports", s.private(s.handleReportIndex))
	mux.Handle("GET /reports/breaches", s.private(s.handleBreachForecast))
	mux.Handle("GET /reports/utilisation", s.private(s.handleUtilisation))
	mux.Handle("GET /reports/utilisation.csv", s.private(s.handleUtilisationCSV))
	mux.Handle("GET /reports/wlmds.csv", s.private(s.handleWLMDSExport))
	mux.Handle("GET /reports/monthly-return.csv", s.private(s.handleMonthlyReturnExport))

	mux.Handle("GET /admin/users", s.private(s.handleUserIndex))
	mux.Handle("POST /admin/users", s.private(s.handleUserCreate))

	// Anything else is a 404 page, in the layout, for signed-in users.
	mux.Handle("/", s.private(s.handleNotFound))
	return mux
}

// public serves a page that needs no session.
func (s *Server) public(h handlerFunc) http.Handler { return s.handle(h) }

// private serves a page for signed-in users: the session is loaded, an
// anonymous request is sent to sign in, and a POST must carry the CSRF
// token.
func (s *Server) private(h handlerFunc) http.Handler {
	return s.loadSession(requireUser(s.checkCSRF(s.handle(h))))
}
