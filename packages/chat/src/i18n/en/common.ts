import type { Messages } from "../sv";

/** English texts of common; the type makes a key missing from either language a compile error. */
export const common: Messages["common"] = {
  unknownUser: (account: string) =>
    `Hi! I don't recognise your account yet, so I can't help you with Samverkan. Ask an administrator to add you, e.g. with \`samverkan staff add --name "Your Name" --agency spsm --role advisor ${account}\`, then try again.`,
  notUnderstood:
    "I didn't quite understand. Write **help** to see what I can do, e.g. *search Rinkebyskolan* or *book a dialogue with Borås kommun tomorrow at 10*.",
  cancelled: "Okay, cancelled. Nothing was changed.",
  nothingToCancel: "There is nothing in progress to cancel.",
  expired: "This question has expired. Start again, e.g. with *book a dialogue*.",
  askTime: "Which day and time? For example *tomorrow at 10* or *Dec 3 at 2pm*.",
  askClock: (date: string) => `What time on ${date}? For example *at 10*.`,
  askOrganizer: "With which principal organizer or school? Write the name.",
  askPlace: "Where will the dialogue be held? Choose a regional office or digital.",
  askAssignment: "Which assignment? Write e.g. *U-12*.",
  askProgress: "What has happened in the assignment? Write a short note, optionally with a percent (e.g. *60%*) or a new phase.",
  didNotGetTime: "I didn't understand the time.",
  pickOrganizer: "I found several. Which one do you mean?",
  noMatch: (q: string) => `I found no organizer or school matching "${q}". Try another name.`,
  noSchool: (q: string) => `I found no school matching "${q}".`,
  confirmBook: "Is this right? I'll book when you confirm.",
  booked: "Done! The dialogue is booked.",
  conflict: "That time conflicts. Here are free times nearby:",
  noFreeSlots: "I found no free times in the next two weeks.",
  noUpcoming: "You have no upcoming dialogues.",
  pickDialogue: "Which dialogue do you mean?",
  confirmCancel: "Do you want to cancel this dialogue?",
  dialogueCancelled: "The dialogue is cancelled.",
  confirmReschedule: "Move the dialogue here?",
  rescheduled: "The dialogue is rescheduled.",
  confirmProgress: "Shall I log this?",
  progressLogged: "Logged. Thank you!",
  noAssignments: "You have no open assignments.",
  somethingWrong: "Something went wrong on my side. Please try again shortly; the error has been logged.",
};
