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
imprint-p1 = Jobtausch is provided by the operator of this installation. Responsible under § 5 DDG and § 18 MStV is the operator's network organisation team.
imprint-p2 = The operator enters address and contact when setting up. This demo installation has no public operator.
privacy-title = Privacy statement
privacy-p1 = We process only what a job swap needs: your e-mail address, your name, your organisation and what you choose to write in your profile.
privacy-p2 = Only signed-in members of the network see your profile. Others do not see your e-mail address; only those who must contact you in a swap (approvers, swap partners) get it.
privacy-p3 = Whether you are open to a swap stays hidden from your own organisation until you share it. Taking part is voluntary and can be withdrawn at any time.
privacy-p4 = We set only a technically necessary session cookie and a cookie that protects forms. There is no tracking, and no fonts or scripts from other servers.
privacy-p5 = The legal basis is Art. 6(1)(a) and (e) GDPR together with the data protection act of the federal state. You have the right of access, rectification, erasure, restriction and to lodge a complaint with the supervisory authority.
accessibility-title = Accessibility statement
accessibility-p1 = This application aims to meet BITV 2.0 and WCAG 2.1 at level AA.
accessibility-p2 = Status: partially compliant. Every change is checked automatically with axe-core; a full review by experts is still to come.
accessibility-p3 = Known gaps: a version in sign language is still missing.
accessibility-p4 = Please report barriers to the operator's network organisation team. We answer within one month.
accessibility-p5 = If you do not get a satisfying answer, you can turn to the arbitration body under § 16 BGG or to the enforcement body of your federal state.
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
problem-internal = Internal error
problem-internal-text = Something went wrong. Please try again later.
reason-organiser-only = Only network organisers may do this.
reason-org-admin-only = Only admins of this organisation may do this.
reason-owner-only = Only the person themselves may do this.
reason-no-organisation = Your account belongs to no organisation.
reason-last-own-admin-role = You cannot take the admin role away from yourself.
reason-changed-meanwhile = The object was changed meanwhile.

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
hint-pay_grade = For example "A 13" or "E 11". Optional.
hint-topics = Separate several with commas, such as "Open Data, e-files".
hint-wants_to_learn = Separate several with commas.
hint-languages = Separate language codes with commas, such as "de, en".
hint-availability = Separate calendar weeks with commas, such as "2027-W07, 2027-W10".
hint-domains = Separate several with commas, such as "city.de, admin.city.de".
hint-shared_with_own_org = Unless you share it, people of your organisation do not see that you are open to a swap.
hint-week = For example "2027-W07".

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
notice-password-changed = your password was changed with a reset link
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
profile-swap-legend = Job swap
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

    { $inviter } invites you to use Jobtausch for "{ $org }". Create your account with this link (valid for 14 days):

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
error-week-begun = This week has begun already. Please choose a later one.
error-wrong-password = The password is wrong.
error-week-taken = A job swap is already agreed in this week (yours or the other person's). Please choose another week.
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
note-approved = { $name } gave an approval for the job swap in { $week }.
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
mail-swap-subject = Jobtausch: { $text }
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
hint-from = For example "2027-W10". The week must lie in the future.
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
field-place = Place
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
