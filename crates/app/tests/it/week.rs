//! Who may change which part of a week, through `app::week::act` alone.

use crate::network::{Network, PASSWORD};
use app::swaps::{Command, ProposalInput};
use app::week::Command as Week;
use domain::SwapId;
use domain::week::AppointmentInput;
use store::{Db, on_both_backends};

on_both_backends!(the_host_plans_the_guests_visit);

async fn confirmed(n: &Network, anna: &app::Account, eva: &app::Account, week: &str) -> SwapId {
    let bernd = n.with_role("bernd@musterstadt.example", n.city, "approver").await;
    let frank = n.with_role("frank@verband.example", n.assoc, "approver").await;
    let proposal = ProposalInput { partner: eva.id.to_string(), week: week.into(), message: String::new() };
    let id = app::swaps::propose(&n.app, anna, &proposal).await.unwrap();
    let accepted = app::swaps::act(&n.app, eva, id, None, Command::Accept).await.unwrap();
    let mut swap = n.approve_all(accepted, &bernd, &frank).await;
    let hash = swap.agreement_hash.clone().unwrap();
    for who in [anna, eva] {
        let sign =
            Command::Sign { confirmation: app::account::Confirmation::Password(PASSWORD.into()), hash: hash.clone() };
        swap = app::swaps::act(&n.app, who, id, None, sign).await.unwrap();
    }
    assert_eq!(swap.state, domain::swap::SwapState::Confirmed);
    id
}

async fn the_host_plans_the_guests_visit(db: Db) {
    let n = Network::new(db).await;
    let anna = n.person("anna@musterstadt.example", Some(n.city)).await;
    let eva = n.person("eva@verband.example", Some(n.assoc)).await;
    let week = crate::network::week_ahead(8);
    let id = confirmed(&n, &anna, &eva, &week).await;
    // A Tuesday of the week; the plan checks it is one of its days.
    let tuesday = domain::values::IsoWeek::parse("week", &week).unwrap().monday() + chrono::Days::new(1);
    let visit = |title: &str| Week::AddAppointment {
        guest: anna.id,
        appointment: AppointmentInput {
            title: title.into(),
            kind: "workshop".into(),
            date: tuesday.to_string(),
            start: "10:00".into(),
            end: "12:00".into(),
            place_or_link: "Saal B".into(),
            note_for_guest: String::new(),
        },
    };
    assert_eq!(app::week::act(&n.app, &anna, id, visit("Eigenplanung")).await, Err(app::Error::Forbidden("not-host")));
    app::week::act(&n.app, &eva, id, visit("Arbeitskreis Open Data")).await.unwrap();
    let view = app::week::view(&n.app, &anna, id).await.unwrap();
    assert_eq!(view.appointments.len(), 1);
    assert_eq!(view.appointments[0].appointment.title.as_str(), "Arbeitskreis Open Data");

    let bernd = n.account("bernd@musterstadt.example").await;
    let handover = Week::Handover { body: "Notiz".into() };
    assert_eq!(app::week::act(&n.app, &bernd, id, handover).await, Err(app::Error::Forbidden("not-member")));
    let refused = app::week::act(
        &n.app,
        &anna,
        id,
        Week::Reflect {
            learned: "x".into(),
            will_change: "y".into(),
            recommend: "yes".into(),
            free_text: String::new(),
        },
    )
    .await;
    assert_eq!(refused, Err(app::Error::Conflict("not-completed")), "reflections come after the week");
    let empty =
        app::week::act(&n.app, &anna, id, Week::CheckIn { status: "vielleicht".into(), note: String::new() }).await;
    assert_eq!(empty, Err(app::Error::Conflict("not-in-progress")), "the week has not begun");
}
