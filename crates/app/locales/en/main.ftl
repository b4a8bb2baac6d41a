# Jobtausch – English texts. Every key is also in ../de/main.ftl.

## Frame
skip-to-content = Skip to content
brand-claim = Job swaps in the public sector
nav-label = Main navigation
nav-people = Find people
nav-profile = My profile
nav-orgs = Organisations
nav-tokens = API tokens
nav-login = Log in
nav-signup = Sign up
nav-logout = Log out
switch-language = Deutsch
signed-in-as = Signed in as { $name }
session-ends = Without activity, your session ends at { $time }
session-extend = Extend session
legal-imprint = Imprint
legal-privacy = Privacy statement
legal-accessibility = Accessibility statement
legal-easy-language = Easy language
footer-licence = Jobtausch is free software under the EUPL-1.2.
required = required
optional = optional
errors-title = Please check your entries
save = Save
any = Any
none = None
actions = Actions
pagination = Pages
page-prev = Previous page
page-first = First page
page-next = Next page
back-to-start = Back to the start page

## Start page
home-title = Jobtausch
home-lead = Swap your workplace for a week with someone at another public employer – approved, confidential and well planned.
home-welcome = Welcome, { $name }
home-link-profile = Edit your profile
home-link-people = Find swap partners
home-link-org = My organisation
home-link-new-org = Add an organisation
home-how-title = How it works
home-how-1 = Sign up with the e-mail address of your employer in the network.
home-how-2 = Write a profile: your job, your topics, what you want to learn, the weeks you are free.
home-how-3 = Find someone to swap with – or get a proposal.
home-how-4 = Both employers approve, the staff council takes part, both sign the confidentiality agreement.

## Legal
imprint-title = Imprint
imprint-operator-heading = Provider
imprint-represented = Represented by: { $name }
imprint-contact-heading = Contact
imprint-email = E-mail:
imprint-phone = Phone:
imprint-responsible-heading = Responsible for the content under § 18(2) MStV
imprint-software-heading = Software and data
imprint-software = Jobtausch is free software under the EUPL-1.2 licence. The list of places and postcodes is GeoNames' (www.geonames.org) under the CC BY 4.0 licence, adapted by Jobtausch.
privacy-title = Privacy statement
privacy-controller-heading = Controller
privacy-dpo-heading = Data protection officer
privacy-purposes-heading = What we process and why
privacy-purpose-account = Your account and signing in: name, work e-mail address, organisation, roles and sessions.
privacy-purpose-profile = Your profile and the search: job title, unit, topics, languages, free weeks and travel radius. These are voluntary; others see them only while you are open to a swap, and your own organisation only once you share it.
privacy-purpose-swap = The swap itself: proposals, approvals, the bodies' part, the confidentiality agreement with your signature, planning the week, check-ins, your reflection and the certificate.
privacy-purpose-mail = Notices in Jobtausch and by e-mail.
privacy-purpose-security = Security and accountability: an audit trail of who decided what and when, and protecting sign-in from misuse.
privacy-basis-heading = Legal bases
privacy-basis = Processing for the swap is necessary for the tasks of the public bodies involved (Art. 6(1)(e) GDPR) and concerns employees (Art. 88 GDPR with federal or state employee data protection law). Your profile and taking part are voluntary (Art. 6(1)(a) GDPR); you can withdraw your consent at any time for the future by unticking "open to a job swap".
privacy-basis-operator = In addition:
privacy-recipients-heading = Who sees your data
privacy-recipients = Only signed-in members of the network see your details, as far as a swap needs: your swap partners and the approvers and bodies of the organisations involved. Only you and those who must contact you in a swap see your e-mail address. We pass no data to anyone outside the network and none to third countries.
privacy-retention-heading = How long we keep data
privacy-retention = We keep your account and profile until you have them deleted. Sessions end when they expire. The records of a confirmed swap (confidentiality agreement and audit trail) are kept by the bodies involved as long as their retention duties require.
privacy-rights-heading = Your rights
privacy-rights = You have the right of access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and to object (Art. 21). Turn to the controller or the data protection officer for them.
privacy-authority = You may also lodge a complaint with the supervisory authority:
privacy-cookies-heading = Cookies
privacy-cookies = We set only a technically necessary session cookie, a cookie that protects forms and one for your language. There is no tracking, and no fonts or scripts from other servers.
accessibility-title = Accessibility statement
accessibility-scope = This statement applies to Jobtausch in this installation. Operator: { $operator }. Public bodies must make their websites and applications accessible under the Barrierefreie-Informationstechnik-Verordnung (BITV 2.0).
accessibility-status-heading = Compliance status
accessibility-status-full = Jobtausch is fully compliant with BITV 2.0 and WCAG 2.1 at level AA.
accessibility-status-partial = Jobtausch is partially compliant with BITV 2.0 and WCAG 2.1 at level AA.
accessibility-status-none = Jobtausch is not compliant with BITV 2.0 and WCAG 2.1 at level AA.
accessibility-limits-heading = Content that is not accessible
accessibility-limits-none = We know of no barriers.
accessibility-method-heading = How this statement was made
accessibility-method = This statement was made on { $date }. It rests on a self-assessment; every change of the software is checked automatically with axe-core against WCAG 2.1 AA, at 1280 and 390 pixels wide.
accessibility-feedback-heading = Report a barrier: contact
accessibility-feedback = Have you come across a barrier, or do you need content in an accessible form? Write to us or call; we answer within one month.
accessibility-enforcement-heading = Arbitration and enforcement
accessibility-enforcement = If your report gets no satisfying answer, you can turn to:
legal-missing = The operator of this installation has not entered their details for this page yet.
legal-edit = Edit the details for imprint, privacy and accessibility
legal-admin-title = Legal details of the installation
legal-admin-lead = These details fill the imprint, the privacy statement and the accessibility statement. They apply to the whole installation.
legal-admin-imprint = Imprint
legal-admin-privacy = Privacy
legal-admin-accessibility = Accessibility
legal-admin-save = Save details
flash-legal-saved = The legal details are saved.
task-legal = Fill in the imprint, privacy statement and accessibility statement
task-legal-detail = Without the operator's details the installation must not be run in public.
conformance-full = fully compliant
conformance-partial = partially compliant
conformance-none = not compliant
field-operator_name = Name of the operating body
hint-operator_name = The authority or body that runs Jobtausch; it is the controller under the GDPR, too.
field-operator_address = Address
field-represented_by = Represented by
hint-represented_by = Such as the mayor or the managing director.
field-contact_email = E-mail address for enquiries
field-contact_phone = Phone
field-content_responsible = Responsible for the content
hint-content_responsible = Name and address under § 18(2) MStV.
field-dpo_name = Name of the data protection officer
field-dpo_contact = Contact of the data protection officer
hint-dpo_contact = Address and e-mail address.
field-legal_basis = Further legal bases
hint-legal_basis = Such as your federal state's data protection act or a service agreement.
field-supervisory_authority = Data protection supervisory authority
hint-supervisory_authority = Name and address, such as the state commissioner for data protection.
field-conformance = Compliance status
field-limitations = Known barriers
hint-limitations = What is not accessible yet and why; leave empty if none are known.
field-statement_date = Date of the statement
field-accessibility_email = E-mail address for reports of barriers
field-accessibility_phone = Phone for reports of barriers
field-enforcement_body = Arbitration or enforcement body
hint-enforcement_body = Your federal state's body, or the arbitration board under § 16 BGG; with address and website.
easy-title = Easy language
easy-p1 = Jobtausch is a website for people who work in the public sector.
easy-p2 = Here you can swap your workplace for one week. With a person from another public office.
easy-p3 = This is how it works: You sign up. You write down what your work is. And what you want to learn.
easy-p4 = Then you look for a person to swap with. Your boss must say yes.
easy-p5 = At the top of every page is the menu. At the bottom of every page are the links to privacy and accessibility.

## Problems
problem-invalid = Entries incomplete or wrong
problem-invalid-text = Please check the marked fields.
problem-unauthenticated = Please log in
problem-unauthenticated-text = You need to log in for this.
problem-forbidden = Not allowed
problem-forbidden-text = You may not do this.
problem-not-found = Not found
problem-not-found-text = This page or object does not exist, or you may not see it.
problem-conflict = Conflict
problem-conflict-text = This does not fit the current state. Please reload the page.
problem-csrf = Form expired
problem-csrf-text = The form was no longer valid. Please reload the page and send it again.
problem-too-many-attempts = Too many attempts
problem-too-many-attempts-text = Please wait 15 minutes and try again.
problem-bad-request = Request not readable
problem-bad-request-text = The request could not be read.
problem-too-large = Input too large
problem-too-large-text = What you sent is larger than { $limit } KiB. Please shorten your input and send it again.
problem-method-not-allowed = Not possible
problem-method-not-allowed-text = This address cannot do that.
problem-unavailable = Temporarily unavailable
problem-unavailable-text = Jobtausch cannot reach its database just now. What you entered is not saved. Please try again in half a minute.
problem-internal = Internal error
problem-internal-text = Something went wrong. Please try again later.
reason-organiser-only = Only network organisers may do this.
reason-org-admin-only = Only admins of this organisation may do this.
reason-owner-only = Only the person themselves may do this.
reason-no-organisation = Your account belongs to no organisation.
reason-last-own-admin-role = You cannot take the admin role away from yourself.
reason-changed-meanwhile = The object was changed meanwhile.
reason-own-body-role = A role in a co-determination body is given to you by someone else, not by yourself.

## Field errors
error-required = Please fill in.
error-too-short = At least { $min } characters.
error-too-long = At most { $max } characters.
error-too-many = At most { $max } entries.
error-out-of-range = Please a whole number from { $min } to { $max }.
error-email = Please give a valid e-mail address, such as name@city.de.
error-email-domain = Please give valid domains, such as city.de.
error-domain-not-member = This address belongs to no organisation in the network. Use your work address or an invitation.
error-password-too-short = At least { $min } characters.
error-pay-grade = Please write it like "A 13" or "E 11".
error-week = Please give calendar weeks like "2027-W07".
error-language = Please give language codes like "de" or "en".
error-unknown-choice = Please choose one of the offered values.
error-taken = This value is already taken.
error-mismatch = The entries do not match.
error-login-failed = E-mail address or password is wrong.
error-not-verified = Please confirm your e-mail address first. We sent you a new link.
error-invitation-invalid = This link is invalid or has expired.
error-must-accept = Please confirm that you have read the privacy statement.

## Fields
field-email = E-mail address
field-display_name = Name
field-password = Password
field-password_confirm = Repeat password
field-privacy_accepted = I have read the privacy statement.
field-invitation = Invitation
field-token = Link
field-role_title = Role
field-unit = Unit
field-pay_grade = Pay grade
field-topics = Topics of my job
field-wants_to_learn = What I want to learn
field-languages = Languages
field-availability = Free calendar weeks
field-travel_radius_km = Travel radius in km
field-about = About me
field-open_to_swap = I am open to a job swap.
field-shared_with_own_org = My own organisation may see that I am open to a swap.
field-q = Search words
hint-q = Words from a person's role, topics or description; “digi” also finds “Digitalisierung”.
field-after = Page
field-topic = Topic
field-kind = Kind of organisation
field-region = Federal state
field-week = Calendar week
field-page = Page
field-name = Name
field-parent = Umbrella association
field-domains = E-mail domains
field-policy_staff_council = Staff council
field-policy_equal_opportunities = Equal opportunities officer
field-policy_disability_representative = Representative of disabled employees
field-policy_data_protection = Data protection officer
field-role = Role
field-user_id = Person
hint-email = Your work address.
hint-password = At least 12 characters.
hint-pay_grade = Optional; helps the matching round find partners at a similar level.
hint-topics = Tick what fits your work.
hint-wants_to_learn = Tick what you would like to learn more about in a job swap.
hint-languages = Languages you can work in.
hint-availability = Weeks of the coming year in which you could swap. Only those who find you see them.
hint-domains = Separate several with commas, such as "city.de, admin.city.de".
hint-shared_with_own_org = Unless you share it, people of your organisation do not see that you are open to a swap.
hint-week = Choose one of the free weeks.

## Sign-up and login
signup-title = Sign up
signup-lead = Sign up with the work e-mail address of an organisation in the network. You will get a link to confirm it.
signup-invited = You were invited to "{ $org }".
signup-privacy-before = Please read the
signup-submit = Create account
signup-done-title = Please confirm your address
signup-done-text = We sent a confirmation link to { $email }, if the address belongs to an organisation in the network. The link is valid for 48 hours.
signup-done-invited-title = Account created
signup-done-invited-text = Your account is ready. You can log in now.
verify-title = Confirm your e-mail address
verify-lead = Please confirm with one click that this address is yours.
verify-submit = Confirm address
verify-ok-title = Address confirmed
verify-ok-text = Thank you. Your e-mail address is confirmed; you can log in now.
verify-bad-title = Link invalid
verify-bad-text = This confirmation link is invalid, expired or was used already. Log in to get a new one.
login-title = Log in
login-submit = Log in
login-forgot = Forgot your password?
forgot-title = Forgot password
forgot-lead = Give the address of your account. We send you a link to set a new password (valid for one hour).
forgot-submit = Send link
forgot-done-title = Please check your mailbox
forgot-done-text = If { $email } has an account, we sent a link to reset the password.
reset-title = Set a new password
reset-lead = Afterwards you are logged out everywhere and log in with the new password.
reset-submit = Save password
reset-bad-text = This link is invalid, expired or was used already. Ask for a new one.
flash-password-reset = Your password is changed. Please log in.
notice-password-changed = your password was changed with a reset link. This ends every sign-in, your API tokens and the address of your calendar subscription; please make a new address under “Calendar” and subscribe again
login-no-account = No account yet?
flash-logged-in = You are logged in.
flash-logged-out = You are logged out.
flash-profile-saved = Your profile is saved.
flash-org-created = The organisation is created.
flash-org-saved = The organisation is saved.
flash-policy-saved = The co-determination rules are saved.
flash-roles-saved = The roles are saved.
flash-invited = The invitation is sent.
flash-token-revoked = The API token is revoked.

## Profile and search
profile-title = My profile
profile-email-note = Other members do not see your address { $email }.
profile-swap-legend = Open to a job swap
search-title = Find people
search-lead = People of other organisations who are open to a job swap.
search-submit = Search
search-results = Results
search-none = No matching people found.
person-open = Open to a job swap
person-no-profile = This person has no profile yet.
person-edit-own = Edit my profile

## Organisations
orgs-title = Organisations in the network
orgs-none = No organisations yet.
orgs-caption = All organisations
org-new-title = Add an organisation
org-edit-title = Edit organisation
org-members-title = People and roles
org-policy-title = Co-determination
org-policy-lead = How each body takes part in a job swap: informed, asked to consent, or not needed.
org-policy-save = Save co-determination rules
org-members-none = No people yet.
org-invite-title = Invite someone
org-invite-lead = The person gets a link to create an account in this organisation – also with an address outside your domains.
org-invite-submit = Send invitation
role-held = yes
role-not-held = no
role-grant = Grant
role-revoke = Revoke
role-participant = Participant
role-approver = Approver
role-org_admin = Organisation admin
role-body-staff_council = Staff council
role-body-equal_opportunities = Equal opportunities
role-body-disability_representative = Representative of disabled employees
role-body-data_protection = Data protection
kind-city = City or municipality
kind-district = District
kind-it_service_provider = IT service provider
kind-association = Association
kind-state_agency = State agency
region-BW = Baden-Württemberg
region-BY = Bavaria
region-BE = Berlin
region-BB = Brandenburg
region-HB = Bremen
region-HH = Hamburg
region-HE = Hesse
region-MV = Mecklenburg-Western Pomerania
region-NI = Lower Saxony
region-NW = North Rhine-Westphalia
region-RP = Rhineland-Palatinate
region-SL = Saarland
region-SN = Saxony
region-ST = Saxony-Anhalt
region-SH = Schleswig-Holstein
region-TH = Thuringia
body-staff_council = Staff council
body-equal_opportunities = Equal opportunities officer
body-disability_representative = Representative of disabled employees
body-data_protection = Data protection officer
rule-inform = inform
rule-consent = ask for consent
rule-not_needed = not needed

## API tokens
tokens-title = API tokens
tokens-lead = With a personal API token, programs can use the JSON interface on your behalf.
tokens-openapi = Description of the interface (OpenAPI)
tokens-new-title = Your new API token
tokens-new-text = Copy the token now. It is shown only this once.
tokens-none = You have no API tokens.
tokens-caption = Your API tokens
tokens-created = Created
tokens-used = Last used
tokens-revoke = Revoke
tokens-create-title = Create a new token
tokens-create = Create token

## E-mails
mail-verify-subject = Jobtausch: please confirm your e-mail address
mail-verify-body =
    Hello { $name },

    please confirm your address for Jobtausch with this link (valid for 48 hours):

    { $link }

    If you did not sign up, please ignore this message.
mail-already-subject = Jobtausch: you already have an account
mail-already-body =
    Hello,

    someone tried to create a Jobtausch account with your address. You already have one.
    Log in here:

    { $link }

    If this was not you, you can ignore this message.
mail-invite-subject = Jobtausch: invitation from { $org }
mail-invite-body =
    Hello,

    { $inviter } invites you to use Jobtausch for "{ $org }", with the role: { $role }. Create your account with this link (valid for 14 days):

    { $link }
mail-notice-subject = Jobtausch: a change to your account
mail-notice-body =
    Hello { $name },

    your account was changed: { $what }.
    If this was not you, please contact the network organisers at once.
mail-reset-subject = Jobtausch: reset your password
mail-reset-body =
    Hello { $name },

    with this link you set a new password for Jobtausch (valid for one hour):

    { $link }

    If you did not ask for this, ignore this message; your password stays as it is.

## Swaps (swap, approvals, agreement)
nav-swaps = Swaps
nav-inbox = Messages
inbox-unread = unread
inbox-title = Messages
inbox-none = No messages.
inbox-mark-read = Mark all as read
inbox-new = new
flash-inbox-read = All messages are marked as read.
swaps-title = Job swaps
swaps-to-approve = Awaiting your approval
swaps-nothing-waiting = Nothing awaits your decision.
swaps-to-consent = Awaiting your body's consent
swaps-mine = My job swaps
swaps-none = You take part in no job swap.
swaps-of-org = Job swaps of your organisation
swaps-find = Find people for a job swap
swap-title = Job swap
swap-state = Status
swap-end-reason = Reason
swap-members = People
swap-organisation = Organisation
swap-accepted = Accepted
swap-signed = Signed
yes = yes
no = no
swap-legs = Legs
swap-message-from = Message from { $name }
swap-answer = Your answer
swap-accept = Accept the job swap
swap-decline = Decline
swap-approvals = Approvals
swap-deadline = Deadline
swap-approve = Approve
swap-decline-approval = Do not approve
swap-delegate = Hand over
field-delegate = Hand the approval to
swap-bodies = Co-determination
swap-consent = Consent
swap-refuse = Refuse consent
swap-agreement = Confidentiality agreement
swap-agreement-download = Download the confidentiality agreement
swap-sign-lead = Read the agreement. With your password you confirm that you sign exactly this document (checksum above).
swap-sign = Sign
swap-end = End the job swap
swap-withdraw = Withdraw the proposal
swap-cancel = Cancel the job swap
swap-audit = History
audit-when = When
audit-who = Who
audit-what = What
audit-system = System
audit-swap-proposed = proposed
audit-swap-accepted = accepted
audit-swap-approvals_requested = approvals requested
audit-swap-body_informed = body informed
audit-swap-approved = approved
audit-swap-approval_declined = approval declined
audit-swap-delegated = approval handed over
audit-swap-body_consented = body consented
audit-swap-body_refused = body refused consent
audit-swap-agreement_requested = all approvals given
audit-swap-agreement_generated = confidentiality agreement made
audit-swap-signed = signed
audit-swap-confirmed = confirmed
audit-swap-declined = declined
audit-swap-withdrawn = withdrawn
audit-swap-cancelled = cancelled
audit-swap-expired = deadline passed
audit-swap-week_began = week began
audit-swap-week_completed = week completed
audit-swap-evaluated = evaluated
audit-swap-reminded = reminder sent
audit-swap-week_planned = week planned
audit-week-briefing_settings = briefing changed for all days
audit-week-briefing_moved = briefing moved
audit-week-briefing_cancelled = briefing cancelled
audit-week-appointment_added = appointment added
audit-week-appointment_cancelled = appointment cancelled
audit-week-handover = handover saved
audit-week-deputy = deputy named
audit-week-access = access changed
audit-week-admin = administrative item changed
audit-week-checkin = check-in
audit-week-reflection = reflection written
audit-week-feedback = approvers' feedback saved
audit-week-help_resolved = call for help resolved
audit-week-reminded = reminded of the week plan
audit-week-revocation_reminded = reminded to revoke access
state-proposed = proposed
state-accepted = accepted
state-approvals_pending = awaiting approvals
state-agreement_pending = awaiting signatures
state-confirmed = confirmed
state-declined = declined
state-withdrawn = withdrawn
state-cancelled = cancelled
state-in_progress = in progress
state-completed = completed
state-evaluated = evaluated
approval-pending = open
approval-approved = approved
approval-declined = not approved
approval-delegated-to = handed to { $name }
leg-text = { $name }
side-sending = Sending organisation
side-receiving = Host organisation
decline-no_management_approval = no management approval
decline-staffing = staffing
decline-other = other reason
body-status-pending = decision open
body-status-informed = informed
body-status-consented = consented
body-status-refused = consent refused
end-week_unsuitable = The week does not suit
end-workload = The workload does not allow it
end-personal = Personal reasons
end-other = Another reason
choose-one = Please choose
confirm-decline-title = Decline the proposal?
confirm-withdraw-title = Withdraw the proposal?
confirm-decline-approval-title = Decline the approval?
confirm-refuse-title = Refuse consent?
confirm-cancel-title = Cancel the job swap?
confirm-consequence = The job swap in { $week } ({ $names }) will then not take place. This cannot be undone; a new swap has to be proposed anew.
confirm-reason = Your reason
confirm-told = Who will be told
confirm-told-nobody = Nobody but you.
confirm-decline = Yes, decline
confirm-withdraw = Yes, withdraw
confirm-decline-approval = Yes, decline the approval
confirm-refuse = Yes, refuse consent
confirm-cancel = Yes, cancel the job swap
confirm-back = No, back to the job swap
end-approval-deadline-passed = The deadline for an approval passed.
end-staffing = Approval declined: staffing
end-no_management_approval = Approval declined: no management approval
field-reason = Reason
field-comment = Comment
field-reason_kind = Kind of reason
field-message = Message
field-partner = Person
field-approval = Approval
field-step = Body
field-hash = Checksum
propose-title = Propose a job swap
propose-lead = Choose a week in which you are both free. The person can accept or decline; then both employers decide.
propose-submit = Send proposal
flash-swap-proposed = Your proposal is sent.
flash-swap-signed = You signed.
flash-swap-ended = The job swap has ended.
flash-swap-saved = Your decision is saved.
reason-not-member = Only the people of the job swap may do this.
reason-not-proposer = Only the person who proposed the swap may withdraw it.
reason-not-approver = Only approvers of the organisation concerned may do this.
reason-not-body-member = Only members of this body may do this.
reason-may-not-cancel = Only the people of the swap and approvers of its organisations may cancel it.
reason-already-decided = This was decided already.
reason-no-such-step = There is no such step.
reason-invalid-transition = This is not possible in the job swap's current state.
reason-agreement-changed = The agreement changed. Please read it again.
reason-agreement-readers-only = Only the people of the swap and approvers and admins of its organisations see the agreement.
reason-too-few-members = A job swap needs at least two people.
reason-duplicate-member = A person appears twice.
reason-own-swap = A swap you are part of is decided by someone else (four eyes).
note-decider-missing = The swap in { $week } ({ $names }) needs someone at { $org } with the role “{ $role }” who is not part of it. Please name someone.
swap-decider-missing = { $org }: someone with the role “{ $role }” who is not part of this swap is missing. The organisation's admins must name someone; they and the network organisers have been told.
error-week-begun = This week has begun already. Please choose a later one.
error-wrong-password = The password is wrong.
error-week-taken = A job swap is already agreed in this week (yours or the other person's). Please choose another week.
error-unknown-place = We cannot find this place. Please check the place name or postcode.
error-ambiguous-place = Several places match. Please choose one.
error-coordinates = Please give latitude and longitude in degrees, separated by a comma, such as "51.0504, 13.7373".
error-period-order = The last week must not come before the first.
error-same-organisation = A swap within one organisation is not possible.
error-date = Please give a date like "2027-03-22".
error-time = Please give a time like "08:30".
error-link = Please give a complete link starting with https://.
error-outside-week = Please choose a day from Monday to Friday of the swap week.
error-end-before-start = The end must be after the start.
error-overlap = Another appointment is already set for this time.
error-no-swap-day = This day is a public holiday at every host; the swap does not run. Please choose another day.
note-proposed = { $name } proposes a job swap in { $week } to you.
note-matched = The matching round proposes a job swap in { $week }: { $names } ({ $orgs }). Please see why, and accept or decline.
note-accepted = { $name } accepted the job swap in { $week }.
note-approvals-requested = Everyone accepted. Now the employers decide on the job swap in { $week }.
note-approval-needed = A job swap in { $week } awaits your approval: { $names }.
note-consent-needed = A job swap in { $week } awaits your body's consent: { $names } ({ $orgs }).
note-body-informed = For your body's information: { $names } ({ $orgs }) swap their workplaces in { $week }.
note-approved = { $name } gave the approval of { $org } as { $side } for { $person } (job swap in { $week }).
note-consented = { $name } consented to the job swap in { $week } for the body.
note-delegated = { $name } handed you an approval for the job swap in { $week }.
note-sign-needed = All approvals are in. Please sign the confidentiality agreement for { $week }.
note-signed = { $name } signed the confidentiality agreement for { $week }.
note-confirmed = The job swap in { $week } is confirmed: { $names }.
note-week-began = The job swap in { $week } with { $names } begins today. Have a good week!
note-week-completed = The job swap in { $week } is over. Please write your reflection; then you can download your certificate of participation.
note-evaluated = Everyone has written their reflection on the job swap in { $week }. You can read them now.
note-ended = The job swap in { $week } will not take place. Reason: { $reason }
note-reminder = Reminder: a job swap in { $week } still awaits your approval: { $names }.
mail-swap-subject = Jobtausch { $week }: { $what }
mail-swap-body =
    Hello { $name },

    { $text }

    To the job swap: { $link }
agreement-destination = workplace at { $org }
agreement-network-default = network template
agreement-template-ref = template { $owner }, version { $version }
agreement-title = Mutual confidentiality agreement
agreement-parties = Parties
agreement-terms = Agreement
agreement-signatures = Signatures
agreement-signatures-intro = Each person confirmed the agreement in Jobtausch with their password. The checksum (SHA-256) identifies the confirmed document without this page.
agreement-signed-at = Signed on
agreement-hash = Checksum
agreement-pseudonymised = Pseudonymised copy of { $date }: a party deleted their account and is named “{ $pseudonym }” instead. The original version was signed; the signature page gives its checksum.
agreement-local-time = German time

## Templates
templates-title = Confidentiality agreement templates
templates-lead = Every new text is kept as a new version. Agreements already made stay as they are.
templates-current = Used for new agreements
templates-own = own template, version { $version }
templates-versions = All versions of this organisation
templates-new = Add a new version
templates-save = Save version
field-lang = Language
field-title = Title
field-body = Text
hint-body = Separate paragraphs with a blank line. Placeholders: {"{"}week{"}"} (the swap week), {"{"}names{"}"} (the people), {"{"}organisations{"}"} (the organisations).
flash-template-saved = The new version of the template is saved.
org-audit-export = Download the history as CSV

## Matching rounds
nav-rounds = Matching rounds
rounds-title = Matching rounds
rounds-lead = A matching round looks among everyone open to a swap for the best pairs and rings of three in a period: it brings together as many people as possible and, among those, the best fitting. Every swap it finds is sent to the people concerned as a proposal; they accept or decline it like any other proposal.
rounds-start-title = Start a new round
rounds-start = Start round
rounds-list-title = Earlier rounds
rounds-none = There has been no matching round yet.
rounds-caption = Matching rounds, newest first
rounds-back = Back to the matching rounds
field-from = First calendar week
field-to = Last calendar week
field-max_cycle = Kind of swaps
field-time_limit = Computing time in seconds
hint-from = The first week for which the round looks for partners.
hint-to = At most 26 weeks after the first.
hint-time_limit = 1 to 600 seconds. If the time is not enough for the proof, the round shows the best solution and how far from the optimum it is at most.
round-cycle-2 = pairs only
round-cycle-3 = pairs and rings of three
round-title = Matching round
round-period = Period
round-started = Started
round-state = State
round-kind = Kind of swaps
round-state-queued = waiting
round-state-running = running
round-state-finished = finished
round-state-failed = failed
round-figures = Result
round-candidates = Participants with a free week
round-people-matched = People matched
round-pairs = Pairs
round-rings = Rings of three
round-bound = Upper bound
round-optimal = proven optimal
round-gap = at most { $gap } more people would be possible
round-bound-scope = The bound holds for the possible places of this round: the { $places } best-fitting ones per person.
round-weight = Fit (sum)
round-edges = Possible places
round-duration = Duration
round-ms = { $ms } ms
round-proposals = Proposals of this round
round-no-proposals = This round found no swap.
round-failed = The round failed. Please start it again; the error is in the server's log.
round-running = The round is still running.
round-reload = Reload page
flash-round-started = The matching round has started.
swap-matched-title = Why this proposal
swap-matched-lead = The matching round found this swap. Everyone is free in { $week }.
swap-matched-leg = { $person } wants to learn { $topics }; { $host } works on it.
swap-matched-distance = Distance: { $km } km.
## Matching settings of an organisation
org-matching-title = Matching
org-matching-lead = The location limits swaps to people's travel radius. Jobtausch proposes no swap with blocked organisations (a supervisory authority, for example).
org-matching-save = Save matching settings
org-matching-blocked = Blocked organisations
org-matching-none = none
org-place = Location
field-place = Place or postcode
hint-place = Where the organisation is, such as "Münster" or "48143". Leave empty if travel does not matter. Place data: © GeoNames (www.geonames.org), CC BY 4.0.
field-coordinates = Coordinates
hint-coordinates = Latitude and longitude in degrees, such as "51.0504, 13.7373". Leave empty if unknown.
flash-org-matching-saved = The matching settings are saved.

## The swap week
ics-briefing-summary = Job swap briefing with { $names }
ics-briefing-description = Daily briefing of the job swap. Week plan: { $link }
ics-video-link = Video meeting: { $link }
appointment-kind-team_meeting = Team meeting
appointment-kind-online_event = Online event
appointment-kind-workshop = Workshop
appointment-kind-leadership_round = Leadership round
appointment-kind-other = Other appointment

## The week plan page
week-title = Week plan
week-back-to-swap = back to the job swap
week-sections = Sections of the week plan
week-days = Days and holidays
week-days-caption = The days of the swap week with the public holidays at each host
week-day = Day
week-holidays = Holidays at the host
week-no-swap-day = the swap does not take place on this day
week-briefings = Daily briefing
week-briefings-lead = Every morning you briefly talk things through (default: ten minutes at 8:30). You can change the time for all days, move a day or cancel it; calendars learn of it.
week-briefing-settings = Time, length and video link for all days
week-briefing-settings-save = Apply to all days
week-briefing-change = Move or cancel the briefing { $day }
week-briefing-move = Move
week-briefing-cancel = Cancel
week-cancelled = cancelled
week-appointments = Appointments at the host
week-appointments-lead = The person whose place the guest takes (or their deputy) enters team meetings, online events, workshops and leadership rounds.
week-appointments-none = No appointments yet.
week-appointments-caption = The guests' appointments in the swap week
week-appointment-for = Add an appointment for { $name }
week-appointment-add = Add appointment
week-appointment-cancel = Cancel
week-guest = Guest
week-when = When
week-handover = Handover and deputies
week-handover-lead = What does the person taking your place need to know? And who stands in for you at home?
week-handover-from = Handover { $name }
week-handover-save = Save handover
week-deputies = Deputy at home
week-deputies-none = No deputy named yet.
week-deputy-of = Deputy of { $name }
week-deputy-save = Name deputy
week-access = Access
week-access-lead = What the guest needs at the host, with the person responsible and a due date. What was granted is revoked at the end of the week; the person responsible is reminded.
week-access-caption = Access per guest
week-item = Item
week-owner = Responsible
week-due = due { $date }
week-admin = Administration
week-admin-lead = Classification (hospitation or secondment), accident insurance, travel costs, working time recording and equipment, per direction of the swap.
week-admin-caption = Administrative items per direction
week-leg = Direction
week-value = Decision
week-done = done
week-calendar = Calendar
week-calendar-lead = Download this swap's appointments as a calendar file, or subscribe to your personal calendar with all swap appointments.
week-calendar-download = Download calendar file (.ics)
week-calendar-feed = Subscribe to your personal calendar
week-checkin = Daily check-in
week-checkin-lead = How is it going today? If you need help, the network team sees your message.
week-checkin-save = Send check-in
week-checkin-when = The check-in is open during the swap week.
week-after = After the week
week-reflection = Reflection
week-reflection-lead = What did you learn, what will you change in your own role, would you recommend the swap? The others read your reflection once everyone has written one or 14 days have passed.
week-reflection-save = Save reflection
week-reflection-when = You write your reflection after the swap week.
week-reflections-hidden = The others' reflections appear once everyone has written one, or 14 days after the week.
week-reflection-of = Reflection of { $name }
week-certificate = Download certificate of participation (PDF)
week-feedback = Feedback of the approvers
week-feedback-save = Save feedback
field-date = Date
field-time = Time
field-minutes = Length in minutes
field-link = Video link
field-start = Start
field-end = End
field-place_or_link = Place or link
field-note_for_guest = Note for the guest
field-state = State
field-due = Due date
field-value = Decision
field-done = done
field-status = How is it going?
field-note = Message
field-learned = What I learned
field-will_change = What I will change in my role
field-recommend = Would I recommend the job swap?
field-free_text = Anything else
hint-date = A date, such as 19/01/2027; the calendar helps to choose.
hint-time = As a time, such as "08:30" (German time).
hint-start = As a time, such as "09:00".
hint-end = As a time, such as "10:30".
hint-link = Starting with https://.
hint-due = A date, such as 15/01/2027.
access-item-guest_account = Guest account
access-item-badge = Badge or access card
access-item-vpn = VPN
access-item-meeting_invitations = Meeting invitations
access-item-mailing_lists = Mailing lists
access-state-open = open
access-state-granted = granted
access-state-revoked = revoked
access-state-not_needed = not needed
admin-item-classification = Classification
admin-item-accident_insurance = Accident insurance
admin-item-travel_costs = Travel costs
admin-item-working_time = Working time recording
admin-item-equipment = Equipment
classification-hospitation = Hospitation
classification-secondment = Secondment
checkin-ok = All good
checkin-help = I need help
certificate-title = Certificate of participation
certificate-line-stay = { $name } ({ $org }) took part in Jobtausch from { $from } to { $to }, working at { $host }.
certificate-line-swap = The swap was mutual: { $name } took the place of { $host_person }; { $guest } came to their own workplace.
certificate-line-network = Jobtausch is a network of public employers for exchanging staff. Both employers approved the swap; everyone involved signed a confidentiality agreement.
certificate-footer = Issued by Jobtausch on { $date }
certificate-line-did = During the week { $name } took part in, among other things: { $items }.
flash-week-saved = The week plan is saved.
flash-checkin-saved = Thank you, your check-in is saved.
flash-reflection-saved = Thank you for your reflection. Your certificate is ready.
flash-feedback-saved = Your feedback is saved.
flash-help-resolved = Marked as resolved.
note-help-needed = { $name } needs help in the job swap ({ $week }).
note-briefing-today = Your briefing is today at { $time }. Link: { $link }
note-week-ahead = Your job swap ({ $week }) begins tomorrow. The week plan and the appointments are in Jobtausch.
note-revoke-access = Please revoke the access "{ $item }" of { $name }: the swap week is over.
help-title = Calls for help from the check-in
help-lead = People in a swap who asked for help in their daily check-in.
help-none = Nobody is asking for help at the moment.
help-caption = Open calls for help
help-resolve = Resolved
reason-not-planned = This job swap has no week plan yet: it is made once everyone has signed.
reason-plan-closed = The week plan cannot be changed after the week.
reason-not-in-progress = The check-in is only open during the swap week.
reason-not-completed = This is possible only after the swap week.
reason-already-reflected = You have already written your reflection.
reason-reflection-first = The certificate is ready once you have written your reflection.
reason-not-host = Appointments are entered by the person whose place the guest takes, or their deputy.
reason-not-owner = This item is changed by the person responsible or the host side.
reason-not-concerned = This item is changed by the people of this direction and their approvers.
nav-help = Calls for help
field-appointment_kind = Kind of appointment
field-deputy_email = E-mail address of the deputy
hint-deputy_email = A colleague from your organisation with a Jobtausch account.
swap-week-plan = Open the week plan

## Calendar feeds
nav-calendar = Calendar
calendar-title = Subscribe to your calendar
calendar-lead = With your personal calendar address, your calendar program shows all briefings and appointments of your swap weeks and keeps them up to date: moved events move, cancelled ones are shown as cancelled.
calendar-secret-note = The address contains a secret key and works without signing in. Anyone who knows it can read your events, so do not pass it on. If it got into the wrong hands, create a new address or revoke it.
calendar-status-title = Your calendar address
calendar-status-none = You have no calendar address yet.
calendar-status-active = Your calendar address was created on { $created }.
calendar-status-used = Last fetched: { $used }.
calendar-status-unused = It has not been fetched yet.
calendar-new-title = Your new calendar address
calendar-new-text = Copy the address now and add it to your calendar program as an internet calendar (subscription). It is shown only this once.
calendar-new-label = Calendar address
calendar-create = Create calendar address
calendar-renew = Create a new calendar address
calendar-renew-hint = The previous address stops working. Enter the new one in your calendar program.
calendar-revoke-title = Revoke calendar address
calendar-revoke-hint = Afterwards the previous address gives out no more events.
calendar-revoke = Revoke calendar address
calendar-how-title = How to subscribe
calendar-how-outlook = Outlook: Add calendar, then "From Internet", and paste the address.
calendar-how-thunderbird = Thunderbird: New calendar, then "On the network", and paste the address.
calendar-how-phone = Phone: in the calendar settings, add a calendar subscription and paste the address.
calendar-feed-name = Jobtausch – { $name }
calendar-swap-name = Jobtausch { $week }
flash-calendar-revoked = Your calendar address has been revoked.
note-week-planned = The week plan for the job swap in { $week } is ready: a daily briefing at 8:30. The calendar file is attached; plan appointments, handover and access in Jobtausch.
note-briefing-moved = { $name } moved a briefing: now { $what }. The updated calendar file is attached.
note-briefing-cancelled = { $name } cancelled the briefing of { $what }.
note-appointment-added = { $name } added an appointment for you: { $what }. The calendar file is attached.
note-appointment-cancelled = { $name } cancelled an appointment: { $what }.
note-briefings-rescheduled = { $name } moved the week's briefings to { $what }. The updated calendar file is attached.
field-blocked = Blocked organisations
field-owner_email = Another person responsible (e-mail)
hint-owner_email = Someone of the host organisation with an account; leave empty to keep the person responsible.
note-deputy-named = { $name } named you as deputy for the job swap in { $week }. You can enter appointments for the guest.
error-wrong-organisation = Nobody of the right organisation uses Jobtausch with this address: the deputy comes from your own organisation, the person responsible from the host organisation.
hint-handover = For example ongoing matters, fixed dates, contacts and where documents are.
hint-feedback = Briefly: how did the swap work from your organisation's point of view?
and = and
waiting-for = waiting for { $what }
waiting-answer = the answer of { $who }
waiting-approval = the approval of { $who }
waiting-consent = the consent of the { $body } ({ $org })
waiting-signature = { $count ->
    [one] the signature of { $who }
   *[other] the signatures of { $who }
}
waiting-week-ahead = confirmed: the week lies ahead, the people plan it.
waiting-week-running = The swap week is running.
waiting-afterwards = The week is over: reflections and the certificate are next.
body-of-staff_council = staff council
body-of-equal_opportunities = equal opportunities officer
body-of-disability_representative = disability representative
body-of-data_protection = data protection officer
stage-proposed = Proposed
stage-accepted = Accepted
stage-approvals = Approvals
stage-councils = Co-determination
stage-agreement = Agreement
stage-confirmed = Confirmed
stage-week = The week
stage-afterwards = Afterwards
stage-status-done = done
stage-status-current = now
stage-status-upcoming = still open
stage-status-skipped = not needed
swap-progress = Progress of the job swap
swap-next = Next
home-tasks = Your tasks
home-no-tasks = There is nothing for you to do right now.
home-swaps = Your job swaps
home-no-swaps = You have no job swap yet. Find people you would like to swap with.
task-answer = Answer a proposal
task-approve = Decide the approval for { $org }
task-deadline = Deadline: { $date }
task-consent = Consent: { $body } ({ $org })
task-sign = Sign the confidentiality agreement
task-plan = Plan the week: handover notes and deputy
task-checkin = Check in for today
task-reflect = Write your reflection on the week
task-name-decider = Name a { $role } for { $org }: nobody else may decide
task-setup = Set up your organisation
task-help = { $count ->
    [one] Answer a call for help
   *[other] Answer { $count } calls for help
}
setup-approvers = Name approvers
setup-template = Add your own agreement template
setup-location = Give your location
setup-domains = Enter your e-mail domains
nav-menu = Menu
subject-proposed = { $name } proposes a swap to you
subject-matched = The matching round proposes a swap
subject-accepted = { $name } accepted
subject-approvals-requested = The employers decide now
subject-approval-needed = Your approval is asked for
subject-consent-needed = Your body's consent is asked for
subject-body-informed = For your body's information
subject-approved = { $name } approved
subject-consented = { $name } consented for the body
subject-delegated = An approval was handed to you
subject-sign-needed = Please sign the agreement
subject-signed = { $name } signed
subject-confirmed = The swap is confirmed
subject-ended = The swap will not take place
subject-week-began = Your swap begins today
subject-week-completed = Please write your reflection
subject-evaluated = All reflections are in
subject-reminder = Reminder: your approval is still missing
subject-decider-missing = Someone who decides is missing
subject-week-planned = The week is planned
subject-week-ahead = Your swap begins tomorrow
subject-briefing = Briefing today
subject-revoke = Please revoke an access
subject-plan-changed = The week's plan changed
subject-deputy = You were named deputy
subject-help = Someone needs help
note-proposal-message = The message from { $name }: “{ $message }”
side-in-text-sending = sending organisation
side-in-text-receiving = host organisation
flash-welcome-invited = Welcome to Jobtausch! Your account is ready and you are signed in.
flash-changed-meanwhile = The job swap changed meanwhile. Please look at where it stands now, then decide.
pay-grade-none = not given
profile-open-what = If you are open to a job swap, others find you in the search and can propose a swap to you.
profile-open-others = People of other organisations see your name, role, unit, topics, languages and free weeks – never your e-mail address.
profile-open-own = People of your own organisation see this only if you allow it below.
profile-open-employer = Your approvers, staff council and admins hear of a proposal only once you accept it.
search-empty-no-match = Nobody matches these filters. Try fewer filters or another week.
search-empty-nobody-yet = Nobody else you can find is open to a swap yet. As soon as others open their profile, they appear here.
search-empty-not-open = You are not open to a swap yourself, so others cannot find you either. You can change that in your profile.
week-tab-plan = Plan and briefings
profile-account-settings = Settings of your account:
org-members-search = Search people (name or address)
org-members-found = { $count ->
    [one] One person
   *[other] { $count } people
}
org-invitations-title = Open invitations
org-invitations-none = No open invitations.
org-invitation-until = valid until { $date }
org-invitation-resend = Send again
org-invitation-revoke = Withdraw
flash-invitation-resent = The invitation is sent again; the old link no longer works.
flash-invitation-revoked = The invitation is withdrawn; its link no longer works.
org-member-roles = Roles
role-grant-named = Grant { $role }
role-revoke-named = Revoke { $role }
field-topics_more = Another topic of my work
hint-topics_more = A topic missing? Enter it here; then it is in the list.
field-wants_to_learn_more = Another topic I want to learn
hint-wants_to_learn_more = A topic missing? Enter it here; then it is in the list.
profile-weeks-taken = Already taken by a job swap and so not in the list: { $weeks }.

## Languages a person works in (ISO 639-1)
language-de = German
language-en = English
language-fr = French
language-es = Spanish
language-it = Italian
language-nl = Dutch
language-pl = Polish
language-cs = Czech
language-da = Danish
language-sv = Swedish
language-pt = Portuguese
language-el = Greek
language-tr = Turkish
language-ar = Arabic
language-ru = Russian
language-uk = Ukrainian
language-hr = Croatian
language-ro = Romanian
language-hu = Hungarian

## The daily digest
mail-digest-subject = Jobtausch: your notices up to { $date }
mail-digest-body =
    Hello { $name },

    this is what happened in your job swaps since your last summary. Nothing is needed from you for it.

    { $items }

    This summary comes once a day. To get single mails again, change it here: { $settings }
inbox-mail-heading = E-mails about your notices
inbox-mail-lead = What asks something of you (a proposal, a decision, a signature) always comes by e-mail at once. For everything else, choose:
inbox-mail-each = Every notice at once in a mail of its own
inbox-mail-daily = Once a day, around 7 o'clock, collected in one mail
inbox-mail-save = Save setting
flash-mail-settings-saved = Your setting for e-mails is saved.

## Signing in through the organisation's identity provider (OpenID Connect)
login-lead = First enter your work e-mail address. If your organisation signs you in through its own identity provider, you continue there.
login-continue = Continue
login-sso-heading = Sign in through { $organisation }
login-sso-lead = { $organisation } signs its staff in through its own identity provider. You sign in there with your work account and then come back here.
login-sso-submit = Sign in with your work account at { $organisation }
login-password-heading = Or with your Jobtausch password
error-provider-unreachable = No identity provider (OpenID Connect) answers at this address. Please check the issuer's address.
error-use-provider = Your organisation signs you in through its identity provider. Please choose "Continue" at the login without a password; your account is made there.
problem-sign-in-failed = Sign-in not possible
problem-sign-in-failed-text = Signing in through your organisation's identity provider did not work.
reason-provider-unreachable = Your organisation's identity provider cannot be reached just now. Please try again later; if it lasts, contact your organisation's IT.
reason-provider-answer-invalid = Your organisation's identity provider sent an answer Jobtausch cannot accept (an invalid or expired confirmation, for example). You are not signed in. Please try again; if it lasts, contact your organisation's IT.
reason-sign-in-expired = This sign-in has expired or was used already. Please sign in again.
reason-sign-in-cancelled = The sign-in was cancelled at the identity provider. You are not signed in.
reason-address-not-vouched = The identity provider did not confirm an e-mail address of your organisation. Please contact your organisation's IT.
reason-account-exists = There is an account with this address already.
notice-sso-linked = your account is now linked to the identity provider of { $organisation }; you can sign in there with your work account
flash-sso-linked = Your account is linked to your organisation's identity provider. You are signed in.
flash-sso-welcome = Welcome to Jobtausch! Your account is set up and you are signed in.
flash-sso-saved = The identity provider is saved.
flash-sso-removed = The identity provider is removed. Staff sign in with passwords again.
sso-new-title = Create your account
sso-link-title = Link your account
sso-vouched = The identity provider of { $organisation } confirmed:
sso-organisation = Organisation
sso-new-lead = With these details we create your Jobtausch account. Taking part is voluntary; what we keep and for how long is in the
sso-new-submit = Create account and sign in
sso-link-lead = There is a Jobtausch account with this address already. Enter its password once to link it to the identity provider. From then on you sign in there.
sso-link-submit = Link and sign in
sso-cancel = Cancel and back to the login
org-sso-title = Identity provider (single sign-on)
org-sso-lead = Your staff sign in with their work account, through your organisation's identity provider (OpenID Connect, such as Keycloak or ADFS). The login asks for the e-mail address first and sends people of the chosen domains there.
org-sso-register-heading = To enter at the identity provider
org-sso-register-lead = Create a confidential client at the identity provider (authorisation code with PKCE) and enter these addresses:
org-sso-redirect-uri = Redirect URI
org-sso-logout-uri = Post-logout redirect URI
org-sso-scopes = Scopes
org-sso-save = Save identity provider
org-sso-remove-lead = Without an identity provider your staff sign in with passwords again; whoever has none sets one with "Forgot your password?".
org-sso-remove = Remove identity provider
field-issuer = Issuer address
hint-issuer = Starts with https://, such as https://login.city.de/realms/admin. Jobtausch reads the configuration there (/.well-known/openid-configuration).
field-client_id = Client ID
field-client_secret = Client secret
hint-client_secret = Never shown again. Leave empty to keep the one saved.
field-covered_domains = Domains that sign in there
field-password_allowed = Signing in with a password stays allowed for these domains
hint-password_allowed = Unticked, only the identity provider signs these people in.
sso-leaving-title = On to the identity provider
sso-leaving-text = You are being taken to your organisation's identity provider. Once you have signed in there, you come back here.
sso-leaving-link = On to the identity provider
sso-logout-title = Signing out at the identity provider
sso-logout-text = You are signed out of Jobtausch. Now you sign out of your organisation's identity provider as well.
swap-sign-by-sign-in = You signed in through your organisation's identity provider at { $time }. That confirms your signature; no password is needed.
swap-sign-again-lead = To confirm your signature, please sign in again at your organisation's identity provider. Then you come back here and sign.
swap-sign-again = Sign in again at the identity provider
swap-sign-password-lead = Or, if you have a Jobtausch password, confirm with it.
error-sign-in-again = Your sign-in at the identity provider was too long ago. Please sign in there again.
sso-relink-lead = There is a Jobtausch account of your organisation with this address, made earlier through the identity provider. It is linked to it again.

## My data (access under Art. 15 GDPR)
mydata-title = My data
mydata-lead = Here you see everything Jobtausch keeps about you. You can also download it as a file (JSON), for example to take it into another system.
mydata-download = Download all data (JSON)
mydata-contents = Contents
mydata-none = No entries.
mydata-rows = { $count ->
    [one] 1 entry
   *[other] { $count } entries
}
mydata-nav = My data
data-section-account = Account
data-section-roles = Roles
data-section-identities = Links to identity providers
data-section-profile = Profile
data-section-topics = Topics
data-section-weeks = Possible weeks
data-section-swaps = Your swaps
data-section-proposals = Your proposals
data-section-partners = Swap partners
data-section-approvals = Approvals of your swaps
data-section-co_determination = Co-determination
data-section-decisions_made = Your decisions
data-section-signatures = Your signatures
data-section-appointments = Appointments of the week
data-section-handovers = Handover notes
data-section-deputies = Deputies
data-section-access_items = Access
data-section-check_ins = Daily check-ins
data-section-feedback = Feedback to organisations
data-section-reflections = Reflections
data-section-inbox = Inbox messages
data-section-mails = E-mails to you
data-section-sessions = Sign-ins (sessions)
data-section-pending_sign_ins = Sign-ins under way at the identity provider
data-section-api_tokens = API tokens
data-section-calendar_feeds = Calendar subscriptions
data-section-links = Links by e-mail
data-section-failed_logins = Failed logins
data-section-invitations_received = Invitations to you
data-section-invitations_sent = Invitations you sent
data-section-audit = Audit log
data-section-rounds_started = Matching rounds you started
data-section-templates_written = Templates you wrote
data-section-settings_changed = Settings you changed
data-section-providers_registered = Identity providers you registered
data-col-about = About me
data-col-accepted = Accepted
data-col-accepted_at = Accepted at
data-col-action = Action
data-col-as_delegate = As delegate
data-col-at = Time
data-col-body = Body
data-col-cancelled = Cancelled
data-col-comment = Comment
data-col-completed_at = Completed at
data-col-created_at = Created at
data-col-daily_digest = Daily digest
data-col-day = Day
data-col-decided_at = Decided at
data-col-deputy = Deputy
data-col-detail = Details
data-col-display_name = Name
data-col-document_hash = Document checksum (SHA-256)
data-col-done_by_you = By you
data-col-due = Due
data-col-email = E-mail address
data-col-end_reason = Reason for ending
data-col-end_time = End
data-col-expires_at = Valid until
data-col-failures = Failures
data-col-first_failure_at = First failure
data-col-first_week = First week
data-col-for_you = For you
data-col-free_text = Free text
data-col-id = Identifier
data-col-issuer = Issuer
data-col-item = Access
data-col-kind = Kind
data-col-language = Language
data-col-languages = Languages
data-col-last_seen_at = Last active
data-col-last_used_at = Last used
data-col-last_week = Last week
data-col-learned = Learned
data-col-leg = Leg
data-col-linked_at = Linked at
data-col-locked_until = Locked until
data-col-member = Member
data-col-message = Message
data-col-name = Name
data-col-note = Note
data-col-object_id = Object identifier
data-col-object_type = Object
data-col-open_to_swap = Open to a swap
data-col-organisation = Organisation
data-col-organiser = Network organiser
data-col-pay_grade = Pay grade
data-col-provider_subject = Identifier at the identity provider
data-col-purpose = Purpose
data-col-read_at = Read at
data-col-reason = Reason
data-col-reason_kind = Kind of reason
data-col-reason_text = Reason
data-col-recommend = Would recommend
data-col-resolved_at = Resolved at
data-col-revoke_due = Revocation due
data-col-revoked_at = Revoked at
data-col-role = Role
data-col-role_title = Role title
data-col-sent_at = Sent at
data-col-shared_with_own_org = Shared with own organisation
data-col-side = Side
data-col-signed_at = Signed at
data-col-start_time = Start
data-col-state = State
data-col-status = Status
data-col-subject = Subject
data-col-swap = Swap
data-col-text = Text
data-col-title = Title
data-col-topic = Topic
data-col-travel_radius_km = Travel radius (km)
data-col-unit = Unit
data-col-updated_at = Updated at
data-col-used_at = Used at
data-col-venue = Venue
data-col-verified_at = Address verified at
data-col-version = Version
data-col-via_provider_of = Through the identity provider of
data-col-week = Week
data-col-will_change = Will change
data-col-written_by_you = Written by you
data-section-accessibility_reports = Your reports of barriers
data-section-accessibility_answered = Reports of barriers you answered
data-col-page = Page
data-col-deadline = Deadline
data-col-answered_at = Answered at

## Report a barrier
accessibility-report-anonymous = (no address; an answer is not possible)
mail-accessibility-report-subject = Jobtausch: barrier reported on { $page }
mail-accessibility-report-body =
    Hello,

    a report came in through "Report a barrier".

    Page: { $page }
    Description:
    { $text }

    Answer to: { $reply }
    Deadline for the answer: { $deadline }

    All reports and their deadlines: { $link }
mail-accessibility-receipt-subject = Jobtausch: your report of a barrier has arrived
mail-accessibility-receipt-body =
    Hello,

    thank you for reporting a barrier on { $page }. We will answer you by { $deadline } at the latest.

    If you are not satisfied with the answer, you can turn to the arbitration body named in the accessibility statement.
mail-accessibility-reminder-subject = Jobtausch: deadline for a report of a barrier ends on { $deadline }
mail-accessibility-reminder-body =
    Hello,

    the report of a barrier on { $page } of { $received } has not been answered yet. The deadline ends on { $deadline }.

    To the report: { $link }
reason-already-answered = This report is marked answered already.
a11y-report-link = Report a barrier
a11y-statement-form = the form, also without signing in and without giving an address.
a11y-report-title = Report a barrier
a11y-report-lead = Did you come across a barrier on a Jobtausch page, or do you need content in an accessible form? Describe it here. You need not be signed in. Give an e-mail address if you would like an answer; we answer within one month.
a11y-report-submit = Send report
a11y-report-other-ways = Other ways (e-mail, phone) and the arbitration body are named in the
field-barrier_page = Page where the barrier is
hint-barrier_page = The page's address, such as /swaps. It is filled in when you come from the page.
field-barrier_description = What is the problem?
hint-barrier_description = What did you want to do, and what did not work? You are welcome to name your assistive technology (a screen reader, magnification).
a11y-thanks-title = Thank you for your report
a11y-thanks-text = Your report has reached the accessibility contact. We will answer you by { $deadline } at the latest. A receipt is on its way to your address.
a11y-thanks-anonymous = Your report has reached the accessibility contact, and we will see to it by { $deadline } at the latest. As you gave no address, we cannot answer you.
nav-a11y-reports = Barrier reports
a11y-reports-title = Reports of barriers
a11y-reports-lead = What comes in through "Report a barrier". Every report must be answered within one month; a week before the deadline Jobtausch reminds the accessibility contact by e-mail.
a11y-reports-open = Open
a11y-reports-answered = Answered
a11y-reports-none-open = No open reports.
a11y-reports-none-answered = No answered reports yet.
a11y-received = Received
a11y-age = { $days ->
    [0] today
    [one] 1 day ago
   *[other] { $days } days ago
}
a11y-overdue = deadline passed
a11y-reply-to = Answer to
a11y-no-address = no address given
a11y-mark-answered = Mark as answered
field-answer_note = How it was answered (optional)
flash-a11y-answered = The report is marked answered.
field-reply_email = E-mail address for the answer
hint-reply_email = Only if you would like an answer; we use it for nothing else.
session-dialog-title = Your session ends soon
session-dialog-text = Without activity, your session ends at { $time }. Would you like to stay signed in?
session-dialog-ended = Your session has ended. Please sign in again; what you entered in a form and send now is kept.
session-dialog-stay = Stay signed in
login-session-ended-form = Your session had ended. What you entered is kept: sign in, and then you can send it.
resume-title = You are signed in again
resume-lead = What you entered a moment ago is kept. Send it now, or discard it.
resume-send = Send what I entered
resume-discard = Discard
error-not-this-site = Please give the address of a Jobtausch page, such as /swaps.
reason-already-linked = Your account is linked to another identifier of this identity provider already. Please contact your organisation's admins.

# Deleting an account (issue 17)
erase-own-title = Delete account
erase-member-title = Delete the account of { $name }
erase-own-lead = When you delete your account, your profile, your sessions, your messages and everything you wrote for others are deleted. Your name and address are removed everywhere. This cannot be undone.
erase-member-lead = Delete the account of a person who left your organisation. Their profile, sessions, messages and everything they wrote for others are deleted; their name and address are removed everywhere. The deletion is recorded in your organisation's audit trail.
erase-export-first = Would you like to download your data first?
erase-under-way-title = A swap is under way
erase-under-way-text = The swap in { $week } is under way. The deletion ends it at once; everyone involved and the approvers are told.
erase-ending-title = Swaps that will be cancelled
erase-ending-none = None: no swap is planned.
erase-ending-lead = These swaps will not take place. Everyone involved and the approvers are told.
erase-kept-title = What the employers keep
erase-kept-none = Nothing: there is no signed agreement that must be kept.
erase-kept-lead = The employers must keep signed agreements and their audit trail. They will show a pseudonym instead of the name, with the organisation; afterwards that is deleted too.
erase-kept-until = kept until { $date }
erase-confirm-title = Confirm the deletion
erase-sign-in-again-lead = Confirm the deletion by signing in at your organisation again, or with your password.
erase-by-sign-in = You signed in at your organisation at { $time }; that confirms the deletion.
erase-own-submit = Delete my account for good
erase-member-submit = Delete the account for good
erase-back = Do not delete, go back
erase-done-title = Your account is deleted
erase-done-text = Your data is deleted and you are signed out. What the employers must keep shows only a pseudonym.
erase-done-link = To the start page
erase-link = Delete account
erase-mydata-lead = You can delete your account at any time. First you see which swaps will be cancelled and what is kept.
erase-member-link = Delete account (left)
field-left = The person has left the organisation; their account is to be deleted.
flash-member-erased = The account is deleted.
reason-own-account-erased-by-self = You delete your own account under "My data".
reason-admin-account = First take the organisation admin role away from the person; then you can delete their account.
reason-organiser-account = Only another organiser can delete an organiser's account.
end-account-erased = A member deleted their account.

# Record of processing activities (issue 17)
vvt-title = Record of processing activities
vvt-lead = Processing activity "Jobtausch" (Art. 30(1) GDPR), as of { $date }. Made from the legal details and the settings of this installation.
vvt-page-lead = The record is made from the legal details and the settings of this installation (retention periods, sessions, identity providers). Download it as a PDF for the data protection officer's files.
vvt-download = Download as PDF
vvt-link = Record of processing activities
vvt-controller = Controller
vvt-controller-name = Name
vvt-controller-address = Address
vvt-controller-represented = Represented by
vvt-controller-contact = Contact
vvt-dpo = Data protection officer
vvt-supervisory = Supervisory authority
vvt-controller-missing = The legal details have not been entered yet (Administration: legal details). Until then, the controller and the data protection officer are missing here.
vvt-purposes = Purposes and legal basis
vvt-purposes-text = Arranging, approving, agreeing, running and evaluating job shadowing ("job swaps") between public employers as staff development; involving the bodies (staff council, equal opportunities, disability representative, data protection); notifying those involved; keeping record of decisions.
vvt-basis-text = Art. 6(1)(e) and Art. 88 GDPR with the federal or state law on employee data protection; taking part is voluntary. Signing in through the employer's identity provider rests on the employer's registration of it.
vvt-subjects = Categories of data subjects
vvt-subjects-text = Staff of the participating employers (participants), approvers, members of the bodies involved, the organisations' administrators, the network's organisers, and people who report a barrier.
vvt-data = Categories of personal data
vvt-data-account-label = Account
vvt-data-account = Name, work e-mail address, organisation, language, roles, password (as a hash only).
vvt-data-profile-label = Profile
vvt-data-profile = Job title, unit, pay grade (optional), languages, topics, possible weeks, visibility.
vvt-data-swaps-label = Swaps
vvt-data-swaps = Proposals and answers, approvals and decisions of the bodies with reasons, signatures with checksums, the agreement.
vvt-data-week-label = Swap week
vvt-data-week = Appointments, handover notes, deputies, access, daily check-ins (including calls for help), reflections, the employers' feedback, the certificate.
vvt-data-use-label = Use
vvt-data-use = Sessions, API tokens, calendar subscriptions, messages and e-mails, failed sign-ins, the audit log of changes.
vvt-data-sso-label = Sign-in through identity providers
vvt-data-sso = The person's identifier at their employer's provider; registered by { $count ->
    [0] no organisation
    [one] one organisation
   *[other] { $count } organisations
}.
vvt-recipients = Recipients
vvt-recipients-text = Within the installation only those who need it for their task: the people in a swap and the approvers and bodies of their employers; the organisers for calls for help. E-mails go through the configured mail relay (a processor unless the operator runs it). The employers' identity providers confirm sign-ins.
vvt-transfers-text = No transfer to third countries: the installation runs at the operator's, without third-party services.
vvt-retention = Retention periods
vvt-retention-text = The periods as set in this installation (JOBTAUSCH_RETENTION); a background worker erases what is past them.
vvt-retention-unverified = Unconfirmed accounts, invitations and failed sign-ins
vvt-retention-check_ins = Daily check-ins and calls for help
vvt-retention-mails = Sent e-mails
vvt-retention-proposals = Declined, withdrawn and cancelled proposals
vvt-retention-swaps = Confirmed swaps and agreements
vvt-after-unverified = { $span } after sign-up, the invitation's expiry or acceptance, or the first failed sign-in
vvt-after-check_ins = { $span } after the swap week
vvt-after-mails = { $span } after sending
vvt-after-proposals = { $span } after they ended
vvt-after-swaps = { $span } after the swap week; then only pseudonyms remain for the figures
vvt-days = { $count ->
    [one] one day
   *[other] { $count } days
}
vvt-months = { $count ->
    [one] one month
   *[other] { $count } months
}
vvt-years = { $count ->
    [one] one year
   *[other] { $count } years
}
vvt-retention-sessions-label = Sessions and links in e-mails
vvt-retention-sessions = until they expire
vvt-retention-audit-label = Audit entries
vvt-retention-audit = as long as their object
vvt-retention-erasure-label = Accounts on request
vvt-retention-erasure = at once (Art. 17 GDPR); what the employers must keep shows only a pseudonym
vvt-toms = Technical and organisational measures (Art. 32 GDPR)
vvt-tom-access-label = Access
vvt-tom-access = Roles per organisation; every request and object is checked; nobody decides on themselves (four eyes); e-mail addresses are seen only by the person and by those who must reach them in a swap.
vvt-tom-secrets-label = Secrets
vvt-tom-secrets = Passwords with Argon2id; sessions, links and tokens as hashes only; sign-in locked after failed attempts.
vvt-tom-sessions-label = Sessions
vvt-tom-sessions = End after { $idle } minutes without activity, at the latest after { $absolute } hours; a warning before the end.
vvt-tom-transport-label = Transport
vvt-tom-transport-tls = Only over HTTPS (HSTS, secure cookies).
vvt-tom-transport-plain = This installation is not set up behind HTTPS: put a TLS proxy in front of it for production.
vvt-tom-audit-label = Accountability
vvt-tom-audit = Every change is stored with its audit entry in the same transaction.
vvt-tom-pseudonyms-label = Data minimisation
vvt-tom-pseudonyms = Access and export ("My data"), erasure with pseudonyms instead of names, retention periods enforced by a background worker.
vvt-tom-backup-label = Availability
vvt-tom-backup = Backups with "jobtausch backup" (SQLite) or PostgreSQL's dump tool; restoring is documented and tested.

## Events and after-work meetups (issue 18)
error-in-past = This moment has passed already.
error-deadline-after-start = Registration must close before the event begins.
reason-event-organisers-only = Only the network's organisers and organisation admins create events; only an event's organisers see its list of registrations.
reason-event-cancelled = The event is cancelled.
reason-registration-closed = Registration is closed.
reason-already-registered = You are registered already.
reason-not-registered = You are not registered.
reason-event-begun = The event has begun already.
reason-too-few-attendees = A Tauschrunde needs at least two attendees.
reason-not-verified = Please confirm your e-mail address first.
csv-name = Name
csv-organisation = Organisation
csv-email = E-mail
csv-status = Status
csv-registered-at = Registered on
csv-attended = Attendance
event-present = present
event-absent = absent
event-status-registered = registered
event-status-waiting = waiting list
event-online = online
ics-event-link = Event on Jobtausch: { $link }
calendar-event-name = Jobtausch: { $title }
data-section-events_created = Events you created
data-section-event_registrations = Your registrations for events
data-section-event_rounds = Your Tauschrunden
data-col-starts_at = Begins
data-col-ends_at = Ends
data-col-cancelled_at = Cancelled on
data-col-registered_at = Registered on
data-col-attended = Present
data-col-round = Round
data-col-partner = Partner
mail-event-registered-subject = Registered: { $title }
mail-event-registered-body =
    Hello { $name },

    you are registered for "{ $title }".

    When: { $when }
    Where: { $where }

    The calendar entry is attached. The event: { $link }
mail-event-waiting-subject = Waiting list: { $title }
mail-event-waiting-body =
    Hello { $name },

    "{ $title }" ({ $when }) is fully booked. You are number { $rank } on the waiting list. When a place becomes free, people move up in order and get an e-mail.

    The event: { $link }
mail-event-moved-up-subject = A place is free: { $title }
mail-event-moved-up-body =
    Hello { $name },

    a place for "{ $title }" became free: you moved up from the waiting list and are registered now.

    When: { $when }
    Where: { $where }

    The calendar entry is attached. The event: { $link }
mail-event-unregistered-subject = Registration withdrawn: { $title }
mail-event-unregistered-body =
    Hello { $name },

    you withdrew your registration for "{ $title }" ({ $when }). If you had a place, the attached file removes it from your calendar.

    The event: { $link }
mail-event-changed-subject = Changed: { $title }
mail-event-changed-body =
    Hello { $name },

    the event "{ $title }" was changed.

    When: { $when }
    Where: { $where }

    The changed calendar entry is attached. The event: { $link }
mail-event-changed-waiting-subject = Changed: { $title }
mail-event-changed-waiting-body =
    Hello { $name },

    the event "{ $title }", whose waiting list you are on, was changed.

    When: { $when }
    Where: { $where }

    The event: { $link }
mail-event-cancelled-subject = Cancelled: { $title }
mail-event-cancelled-body =
    Hello { $name },

    the event "{ $title }" ({ $when }) is cancelled. If you had a place, the attached file removes it from your calendar.

    The event: { $link }
mail-event-reminder-day-subject = Tomorrow: { $title }
mail-event-reminder-day-body =
    Hello { $name },

    a reminder: "{ $title }" takes place tomorrow.

    When: { $when }
    Where: { $where }

    The event (with the video link, if online): { $link }
mail-event-reminder-hour-subject = In an hour: { $title }
mail-event-reminder-hour-body =
    Hello { $name },

    "{ $title }" begins in an hour.

    When: { $when }
    Where: { $where }

    The event (with the video link, if online): { $link }
mail-event-met-subject = Whom you met at "{ $title }"
mail-event-met-body =
    Hello { $name },

    thank you for joining "{ $title }". In the Tauschrunden you met:

    { $people }

    On their pages, a swap is one click away. More people open to a swap: { $link }
nav-events = Events
events-title = Events and after-work meetups
events-lead = At our events and after-work meetups you meet people from other administrations – often the next job swap starts here.
events-members-note = Members of the network see more events after signing in.
events-upcoming = Coming events
events-none-upcoming = No events are announced at the moment.
events-past = Past events
events-back = All events
event-oclock = { "" }
event-places-free = { $free } of { $capacity } places free
event-booked-out = Fully booked – { $waiting ->
    [0] waiting list open
    [one] one person on the waiting list
   *[other] { $waiting } people on the waiting list
}
event-host-network = Jobtausch network
event-members-only = members only
event-cancelled-badge = cancelled
event-cancelled-title = Cancelled
event-cancelled-text = This event does not take place.
event-when = When
event-where = Where
event-host = Hosted by
event-places = Places
event-deadline = Registration until
event-audience = For whom
event-join-video = join the video conference
event-link-for-registered = registered people see the link
event-registration = Registration
event-you-registered = You are registered.
event-you-waiting = You are number { $rank } on the waiting list.
event-sign-in-to-register = To register, please sign in to Jobtausch.
event-register = Register
event-join-waiting = Join the waiting list
event-unregister = Withdraw registration
event-registration-closed = Registration is closed.
event-my-rounds = Your Tauschrunden
event-my-rounds-lead = Ten minutes of talk with people from other organisations. From their profiles, as far as they share them:
event-round-number = Round { $number }
event-topics = Topics
event-wants-to-learn = Wants to learn about
event-propose-to = Propose a job swap to { $name }
event-open-to-swap = Open to a job swap
event-open-to-swap-lead = These attendees show on their profiles that they are open to a swap.
event-manage = Running the event
event-registrations-title = Registrations
event-edit-title = Change the event
event-new-title = Create an event
event-cancel = Cancel the event
event-cancel-hint = Everyone registered gets an e-mail with a calendar file that removes the entry.
event-form-lead = All times are German time. Registered people get every change by e-mail with a new calendar file.
event-form-back = Back without saving
event-save = Save
event-group-what = What it is about
event-group-when = When
event-group-where = Where
event-group-registration = Registration
event-format-in_person = in person
event-format-online = online
event-visibility-public = public (visible without signing in)
event-visibility-members = members of the network only
event-back-to = Back to "{ $title }"
event-registrations-privacy = The e-mail addresses are visible only to you as an organiser, so that you can reach the attendees.
event-registrations-none = Nobody has registered yet.
event-registrations-csv = Download the list as CSV
event-attendance = Attendance
event-attendance-legend = Present were
event-attendance-hint = Whoever is not ticked counts as absent. Once anyone is ticked, Tauschrunden are drawn among those present.
event-attendance-save = Save attendance
event-rounds-title = Tauschrunden
event-rounds-lead = Random pairs (a group of three for an odd count) from different organisations for ten minutes of talk. People who met in an earlier round are drawn together again only when nothing else is possible.
event-draw = Draw a new round
field-event_title = Title
field-event_description = Description
field-start_date = Date it begins
field-start_time = Begins (time)
field-end_date = Date it ends
field-end_time = Ends (time)
field-format = Format
field-video_link = Video conference link
field-capacity = Places
field-deadline_date = Registration until (date)
field-deadline_time = Registration until (time)
field-visibility = Visible to
field-present = Present
hint-start_time = For example 18:30
hint-end_time = For example 20:00
hint-end_date = Leave empty when the event ends on the same day.
hint-video_link = For online events, starting with https://. Only registered people see the link.
hint-deadline_date = Leave empty: registration until the start.
hint-deadline_time = Leave empty: until 23:59.
hint-capacity = Whoever registers after that joins the waiting list.
flash-event-created = The event is created.
flash-event-updated = The change is saved; registered people get an e-mail.
flash-event-cancelled = The event is cancelled; registered people get an e-mail.
flash-event-registered = You are registered. The confirmation with the calendar entry comes by e-mail.
flash-event-waiting = The event is fully booked: you are on the waiting list.
flash-event-unregistered = Your registration is withdrawn.
flash-event-attendance = Attendance is saved.
flash-event-round = A new Tauschrunde is drawn.
field-event_place = Place
hint-event_place = For events in person, such as "Town hall Musterstadt, room 3.12".
vvt-retention-events = Registrations for events, attendance and Tauschrunden
vvt-after-events = { $span } after the event ended
vvt-data-events-label = Events
vvt-data-events = Registrations and the waiting list, attendance, the pairs of the Tauschrunden; the organisers see name, organisation and e-mail address of those registered.
event-profile-of = Profile of { $name }
## The network grows (issue 18): joining, the organisers' review, the public network page
nav-network = Network
nav-join = Join
nav-applications = Applications
kind-federal_agency = Federal agency
kind-other_public = Other public body
error-domain-held = This domain belongs to an organisation in the network already. If it is yours, please contact its admins or the network's organisers.
error-address-outside-domains = The address must belong to one of the domains given: this shows that you speak for this employer.
error-accept-framework = Please confirm that your organisation accepts the framework agreement.
error-framework-changed = The framework agreement has changed meanwhile. Please read the new version and confirm again.
reason-no-question-open = No question is open on this application.
reason-domain-held = A domain of this application belongs to another organisation by now. Please clear this up with the applicant (ask a question) or refuse.
reason-organisation-name-taken = An organisation of this name is in the network by now.
home-employers-title = For employers
home-employers-text = Your administration, district or IT provider would like to take part? Apply to join the network; the organisers review the application, and your first contact sets Jobtausch up for your staff.
home-see-network = Who takes part already
join-title = Join: your organisation in the Jobtausch network
join-lead = Public employers apply here to join the network. Their staff can then swap workplaces for a week with staff of other administrations.
join-steps-title = How it works
join-step-1 = You fill in the application and accept the network's framework agreement.
join-step-2 = You confirm your work e-mail address through the link we send you.
join-step-3 = The network's organisers review the application, ask questions if needed and decide, usually within two weeks.
join-step-4 = Once accepted, you get an invitation as your organisation's admin and set Jobtausch up step by step.
join-see-network = These organisations take part already
join-org-legend = Your organisation
join-public-legend = Shown in public
join-public-lead = What of your organisation the public network page shows. You can change this at any time later.
join-admin-legend = First contact (admin)
join-admin-lead = This person sets Jobtausch up for your organisation and invites others. The address must belong to one of the domains given.
join-framework-version = Version { $version }
join-framework-german = The German text is binding.
join-privacy = We process your details to review the application and to contact you about it.
join-submit = Send application
join-sent-title = Please confirm your address
join-sent-text = We have sent an e-mail to { $email }. Only when you open the link in it and confirm does your application reach the network's organisers. The same link shows you later where the application stands.
field-public_listed = Show in the public list of members (name, kind, federal state, since when)
field-public_map = Show as a dot on the map (at the seat)
field-public_swaps = Show the number of our completed swaps
field-admin_name = Name of the contact
join-place-hint = Your organisation's seat, such as "Münster" or "48143": its dot on the map stands there, and the matching counts travel from there. Place data: © GeoNames (www.geonames.org), CC BY 4.0.
join-org-name = Name of the organisation
field-admin_email = Work e-mail address
field-accept_framework = Acceptance of the framework agreement
join-accept = Our organisation accepts the network's framework agreement (version { $version }).
field-answer = Your answer
field-question = Question to the applicant
field-refusal_reason = Reason for the refusal
field-framework_title = Title
field-framework_body = Text
field-umbrella = Umbrella association
hint-question = The applicant gets the question by e-mail and answers through their link.
hint-refusal_reason = The applicant gets the reason by e-mail.
hint-framework_body = Separate paragraphs with a blank line.
application-title = Application: { $org }
application-state = Status
application-state-unconfirmed = Address not confirmed yet
application-state-unconfirmed-text = Please confirm your e-mail address. Only then does the application reach the network's organisers.
application-state-submitted = Under review
application-state-submitted-text = The network's organisers are reviewing your application. You will get an e-mail as soon as there is news.
application-state-question = Question open
application-state-question-text = The network's organisers have a question for you. Please answer below.
application-state-approved = Accepted
application-state-approved-text = Your organisation is in the network. We have sent you the invitation as admin by e-mail.
application-state-refused = Refused
application-state-refused-text = The network's organisers have refused the application. The reason is below.
application-confirm = Confirm address and send application
application-messages = Questions and answers
application-no-messages = No questions yet.
application-from-applicant = Applicant
application-from-organisers = Network organisers
application-answer = Send answer
application-framework = Framework agreement
application-framework-version = Version { $version }
application-to-org = To the organisation
application-domains-held = These domains belong to another organisation by now: { $domains }. The application cannot be accepted like this.
application-name-taken = An organisation of this name is in the network by now. The application cannot be accepted like this.
application-decide = Decide
application-approve-lead = Accepting creates the organisation with its domains; the contact gets an invitation as admin.
application-approve = Accept
application-ask = Ask a question
application-ask-send = Send question
application-refuse = Refuse
application-refuse-send = Refuse application
applications-title = Applications to join
applications-lead = Applications of public employers with a confirmed address. The applicants accepted the framework agreement in the version named.
applications-open = Open
applications-decided = Decided
applications-none = None.
applications-received = Received
applications-back = To the applications
framework-title = The network's framework agreement
framework-lead = Each application records the version it accepted. A new version applies to applications from now on; existing applications and members keep theirs.
framework-current = in force
framework-new = New version
framework-new-lead = The fields start from the version in force.
framework-add = Publish new version
flash-application-confirmed = Thank you, your address is confirmed. The application is with the network's organisers.
flash-application-answered = Your answer is sent.
flash-application-asked = The question is sent.
flash-application-approved = The organisation is accepted; the invitation as admin is sent.
flash-application-refused = The application is refused; the reason is sent.
flash-framework-added = The new version applies to new applications from now on.
flash-org-public-saved = Saved: this is how your organisation appears on the network page.
network-title = The Jobtausch network
network-lead = These public employers let their staff swap workplaces for a week.
network-figures = The network in figures
network-orgs-count = { $count ->
    [one] organisation shows itself in public
   *[other] organisations show themselves in public
}
network-swaps-count = { $count ->
    [one] completed swap
   *[other] completed swaps
}
network-join = Have your organisation join
network-filter = Filter the members
network-filter-apply = Filter
network-map-title = Map of the members in Germany
network-map-desc = { $count ->
    [0] Outline of Germany; no organisation shows itself on the map yet.
    [one] Outline of Germany with one dot at an organisation's seat. The list shows the same details.
   *[other] Outline of Germany with { $count } dots, one at each organisation's seat. The list shows the same details.
}
network-map-caption = One dot at the seat of each organisation that shows itself on the map. The list holds the same details.
network-map-source = Base map: Natural Earth (public domain). Place data: © GeoNames (www.geonames.org), CC BY 4.0.
network-members = Members
network-none = No organisation shows itself in public yet.
network-none-filtered = No organisation matches this filter.
network-caption = { $count ->
    [one] One organisation
   *[other] { $count } organisations
}
network-seat = Seat
network-since = Member since
network-swaps = Completed swaps
org-public-title = Shown in public
org-public-lead = What of your organisation anyone sees without signing in. The map and the number of swaps appear only with the entry in the list.
org-public-save = Save
org-umbrella-title = Your association's members in the network
org-umbrella-caption = { $count ->
    [one] One organisation names you as its umbrella association
   *[other] { $count } organisations name you as their umbrella association
}
org-umbrella-people = People with an account
setup-title = Setup
setup-lead = { $count ->
    [one] One more step, and your organisation is ready for its first swap.
   *[other] { $count } more steps, and your organisation is ready for its first swap.
}
setup-all-done = All set up. Your staff can propose swaps.
setup-done = done
setup-open = open
setup-policy = Set co-determination: which bodies are informed of a swap or asked to consent?
setup-bodies = Name people for the bodies involved
setup-public = Choose what is shown in public
setup-invite = Invite more people
mail-application-confirm-subject = Jobtausch: please confirm the application for { $org }
mail-application-confirm-body =
    Hello,

    you have applied for "{ $org }" to join the Jobtausch network. Please confirm your address through this link; only then does the application reach the network's organisers:

    { $link }

    The same link shows you later where the application stands. If you did not apply, you can delete this e-mail; the application then lapses after a few days.
mail-application-waiting-subject = Jobtausch: new application from { $org }
mail-application-waiting-body =
    Hello,

    "{ $org }" would like to join the Jobtausch network. The contact's address is confirmed. To the application:

    { $link }
mail-application-answered-subject = Jobtausch: answer from { $org } to your question
mail-application-answered-body =
    Hello,

    the applicant of "{ $org }" has answered your question. To the application:

    { $link }
mail-application-question-subject = Jobtausch: a question about your application for { $org }
mail-application-question-body =
    Hello,

    the network's organisers have a question about your application for "{ $org }":

    { $question }

    Please answer through this link (earlier links to the application no longer work):

    { $link }
mail-application-approved-subject = Jobtausch: { $org } is in the network
mail-application-approved-body =
    Hello { $name },

    "{ $org }" has been accepted into the Jobtausch network. With this link you create your account as your organisation's admin (valid until { $until }):

    { $link }

    On your organisation's page a list then takes you through the setup: set co-determination, give the seat, name approvers and bodies, choose what is shown in public, and invite more people.
mail-application-refused-subject = Jobtausch: your application for { $org }
mail-application-refused-body =
    Hello,

    the network's organisers have refused your application for "{ $org }". The reason:

    { $reason }

    If you have questions, please contact the organisers; the address is in the imprint.
data-section-frameworks_written = Versions of the framework agreement you published
data-section-applications_made = Your applications for organisations to join
data-section-applications_decided = Applications you decided
data-section-application_questions = Your questions about applications
network-events = Next events
network-no-events = No public event is planned just now.
network-all-events = All events and after-work meetups
reason-own-application = An application you made yourself, or one for your own office, is decided by another organiser (four eyes).
reason-admin-has-account = The contact's address has an account with another organisation already. Please ask for another address.
application-admin-has-account = The contact's address has an account already (with another organisation); they could not accept the invitation as admin. Ask for another address.
application-not-approvable = Accepting is possible once what is said above is cleared up: ask a question or refuse.
## Stories (issue 19)
nav-stories = Stories
role-press = Press office
stories-title = Stories from Jobtausch
stories-lead = People from public administrations tell of their swap week: what they saw and learned. A story appears only once everyone in the swap and the press offices of their organisations have agreed.
stories-mine = Your stories
stories-mine-none = You have no story yet. After a completed swap week you can tell one on the swap's page.
stories-published = Published stories
stories-filter = Filter stories
stories-none = No story has been published yet.
stories-none-filtered = No published story matches this filter.
stories-feed-link = Subscribe to new stories (Atom feed)
stories-feed-title = Jobtausch: stories
stories-feed-author = Jobtausch network
stories-back = All stories
story-state-draft = draft, waiting for approval
story-state-published = published
story-state-withdrawn = withdrawn
story-published-on = published on { $date }
story-topics = Topics
story-draft-title = Draft (version { $version })
story-draft-lead = Only the people of this swap and the press offices of their organisations see this draft. It appears once all of them have approved this version; every change asks everyone again.
story-approved-by = Approved by: { $names }.
story-waiting-for = Still waiting for the approval of:
story-press-contact = Press office
story-no-press-contact = this organisation has not named a press office yet; its admins can give the role
story-approve = Approve this version
story-approve-member = You approve the publication of this version as a member of the swap.
story-approve-press = You approve the publication of this version as the press office of { $org }.
story-new-title = Tell the story
story-edit-title = Edit the story
story-tell = Tell the story of this swap
story-see = The story of this swap
story-form-lead = Tell what you saw and learned in the swap week. Only the people of the swap and the press offices see the draft until everyone has agreed.
story-form-approval-note = Saving means you approve this version. The others in the swap and the press offices are asked by e-mail to approve it.
story-group-text = Text
story-group-photo = Photo
story-group-quotes = Quotes
story-quotes-lead = Up to three things someone in the swap said, with their name.
story-quote-number = Quote { $number }
story-quote-nobody = Please choose
story-photo-current = The story's photo now
story-save = Save and approve
story-withdraw-title = Withdraw the story
story-withdraw-lead = Every person and every organisation in the swap can withdraw the story at any time. It then disappears from every page and from the feed; its text, photo and comments are deleted. This cannot be undone.
story-withdraw = Withdraw for good
field-story_title = Headline
field-story_body = Text
hint-story_body = Separate paragraphs with an empty line. *italic*, **bold**, lists with "- " at the start of a line, links as [text](https://…).
field-story_topics = Topics
hint-story_topics = Up to five, separated by commas, e.g. "digitalisation, online access act".
field-photo = Photo
hint-photo = JPEG or PNG, at most 3 MB. Locations and other metadata are removed. Everyone in the photo must have agreed to its publication.
field-photo_alt = What the photo shows
hint-photo_alt = For people who cannot see the photo; required if you upload one.
field-remove_photo = Remove the photo
field-quote1 = Quote 1
field-quote2 = Quote 2
field-quote3 = Quote 3
field-quote1_speaker = Said by
field-quote2_speaker = Said by
field-quote3_speaker = Said by
field-quotes = Quotes
field-confirm = Confirmation
field-confirm-withdraw = Yes, I want to withdraw this story for good.
comments-title = Comments
comments-none = No comments yet.
comment-hint = Your name and organisation appear with the comment. The network's organisers check every comment before it appears.
comment-send = Send comment
comment-sign-in = Signed-in members of the network can comment.
comment-pending = waiting for approval (only you see it)
comment-rejected = not approved: { $reason } (only you see it)
comment-delete = Delete comment
moderation-title = Check comments
moderation-lead = Comments appear only once you approve them. Rejecting one needs a reason; its author receives it by e-mail.
moderation-none = No comment is waiting to be checked.
moderation-on = On "{ $title }"
moderation-open-story = Open the story
moderation-own = Your own comment: another organiser decides on it.
moderation-approve = Approve
moderation-reject = Reject
field-reject-reason = Reason for rejecting
flash-story-drafted = The draft is saved. The others in the swap and the press offices have been asked to approve it.
flash-story-changed = The new version is saved. Everyone else has been asked again to approve it.
flash-story-approved = Your approval is saved.
flash-story-published = Your approval is saved. With it everyone has agreed: the story is published.
flash-story-withdrawn = The story has been withdrawn.
flash-comment-sent = Thank you! Your comment appears once the organisers have approved it.
flash-comment-deleted = Your comment has been deleted.
flash-comment-approved = The comment is approved.
flash-comment-rejected = The comment is rejected; its author receives the reason by e-mail.
error-not-a-photo = Please upload a photo as JPEG or PNG.
reason-story-members-only = Only the people of the swap may do this.
reason-story-not-party = Only the people of the swap and the press offices or admins of their organisations may do this.
reason-story-changed = The story was changed meanwhile. Please read the new version before you approve it.
reason-story-published = The story is published already; it can no longer be changed, only withdrawn.
reason-story-withdrawn = The story was withdrawn.
reason-story-already-approved = This version is approved already.
reason-story-exists = This swap has a story already.
reason-story-swap-not-completed = A story can be told only after the swap week.
reason-story-not-published = Only published stories can be commented on.
reason-comment-decided = This comment has been decided on already.
reason-own-comment = Another organiser decides on your own comment (four eyes).
home-task-stories = { $count ->
    [one] A story is waiting for your approval
   *[other] { $count } stories are waiting for your approval
}
home-task-comments = { $count ->
    [one] A comment is waiting to be checked
   *[other] { $count } comments are waiting to be checked
}
mail-story-drafted-subject = Jobtausch: please approve "{ $title }"
mail-story-drafted-body =
    Hello { $name },

    { $by } has written the story of a swap: "{ $title }". It appears only once everyone in the swap and the press offices of their organisations have approved it.

    Please read the draft and approve it, or talk to { $by } about changes:

    { $link }
mail-story-changed-subject = Jobtausch: "{ $title }" was changed
mail-story-changed-body =
    Hello { $name },

    { $by } has changed the story "{ $title }". Approvals of the earlier version no longer count; please read the new version and approve it again:

    { $link }
mail-story-no-press-subject = Jobtausch: please name a press office
mail-story-no-press-body =
    Hello { $name },

    { $by } has written the story "{ $title }", which involves your organisation. It is published only once a press office of your organisation has approved it, and nobody in your organisation has that role yet.

    Please give the role "Press office" on your organisation's page under "Members". The draft: { $link }
mail-story-published-subject = Jobtausch: "{ $title }" is published
mail-story-published-body =
    Hello { $name },

    everyone has agreed: the story "{ $title }" can now be read in public.

    { $link }

    You can withdraw it on that page at any time.
mail-story-withdrawn-subject = Jobtausch: "{ $title }" was withdrawn
mail-story-withdrawn-body =
    Hello { $name },

    { $by } has withdrawn the story "{ $title }". It can no longer be seen; its text, photo and comments have been deleted.
mail-comment-rejected-subject = Jobtausch: your comment on "{ $title }"
mail-comment-rejected-body =
    Hello { $name },

    the network's organisers have not approved your comment on "{ $title }". The reason:

    { $reason }

    The story: { $link }
data-section-stories = Stories of your swaps
data-section-story_quotes = Your quotes in stories
data-section-story_approvals = Your approvals of stories
data-section-comments = Your comments
data-section-comments_decided = Comments you checked
data-col-published_at = Published on
data-col-withdrawn_at = Withdrawn on
data-col-press_office_for = As the press office of
data-col-approved_at = Approved on
story-to-swap = To the swap

## Figures (issue 19)
figures-withheld = withheld
figures-quarter = Q{ $quarter } { $year }
figures-measure-proposed = proposed
figures-measure-approved = approved
figures-measure-confirmed = confirmed
figures-measure-completed = completed
figures-measure-ended = ended without a swap
figures-chart-swaps = Swaps by stage
figures-chart-quarters = Swaps by quarter of the proposal
figures-chart-regions = People in swaps by their organisation's federal state
figures-chart-kinds = People in swaps by kind of organisation
figures-chart-end-reasons = Why swaps ended without taking place
figures-chart-decline-reasons = Why approvals were declined
figures-chart-recommend = Would recommend a swap (reflections)
figures-chart-topics = What people went to learn (topics named 5 times or more)
figures-chart-rounds = Matching rounds: people matched and the proven upper bound
figures-chart-desc = Bar chart "{ $title }". The largest value ({ $series }): { $label } with { $value }. All values are in the table below the chart.
figures-chart-desc-empty = Bar chart "{ $title }": no values above zero yet. The table below the chart lists all values.
figures-chart-desc-suppressed = Bar chart "{ $title }": all values are below 5 or withheld and are named without bars. The table below the chart lists all values.
figures-rows-swaps = Stage
figures-rows-quarters = Quarter
figures-rows-regions = Federal state
figures-rows-kinds = Kind of organisation
figures-rows-end-reasons = Reason
figures-rows-decline-reasons = Reason
figures-rows-recommend = Answer
figures-rows-topics = Topic
figures-rows-rounds = Period of the round
figures-series-swaps = Swaps
figures-series-declines = Declined approvals
figures-series-people = People
figures-series-matched = people matched
figures-series-bound = proven upper bound
figures-recommend-yes = yes
figures-recommend-no = no
figures-total = Total
figures-csv-figure = Figure
figures-csv-row = Row
figures-csv-series = Series
figures-csv-value = Value
figures-title = Figures
figures-title-org = Figures: { $name }
figures-title-umbrella = Figures: { $name } and its members
figures-title-network = The network's figures
figures-public-title = The network in figures
figures-public-lead = What the swaps in the Jobtausch network have achieved so far. All numbers are coarsened to protect the people involved.
figures-public-all-small = There are only a few swaps so far: almost every value is below 5 and is not shown, to protect the people involved.
figures-lead = A swap counts in the quarter it was proposed in. People in swaps count by the organisation they swap for, people of partner organisations included.
figures-privacy = Privacy: values from 1 to 4 are shown as "< 5". Values from which such a value could be worked out through the totals are shown as "withheld".
figures-year = Year
figures-all-years = all years
figures-show = Show
figures-download-csv = Download all numbers as CSV
figures-download-svg = Download the chart as SVG
figures-download-pdf = Download the { $year } report as PDF
figures-time = Time from proposal to confirmation
figures-time-values = Median { $median } days, 90th percentile { $p90 } days ({ $swaps } confirmed swaps).
figures-time-few = Fewer than 5 confirmed swaps: the time is not shown.
figures-no-topics = No topic has been named by 5 or more people yet.
figures-link-org = Figures
figures-link-network = The network in figures
figures-link-admin = The network's figures
figures-chart-link = To the chart
figures-table-caption = { $title }: the numbers
figures-report-title = { $year } report: { $name }
figures-report-stories = From the stories
figures-report-none = None this year.
figures-report-footer = Made with Jobtausch on { $date }. Values from 1 to 4 are shown as "< 5", values that would give them away as "withheld".
