"""The Discipline tab of a case: each subject employee's due-process flow, step by step.

- :mod:`.tab`: the tab (:class:`~.tab.DisciplineTab`): loads the flows in the
  background and shows the employee's findings, prior discipline and rules;
- :mod:`.recording`: each step typed, recorded through :mod:`app.services.discipline`
  in the background (a grave decision confirmed first, a withdrawal's reason asked);
- :mod:`.pages`: the step pages, filled and enabled from the flow;
- :mod:`.steps` and :mod:`.decision`: the forms of the notice (the response
  deadline computed and explained as it is typed), the response (or none by
  the deadline), the decision (withdrawal from there, :mod:`.withdraw`), the
  appeal and the referral of a contracted provider's employee;
- :mod:`.drafts`: what each form was filled for, so a reload keeps the user's work;
- :mod:`.text` and :mod:`.consistency`: the wording: next steps named by
  page, never by command, the rules for the action typed, comparable
  discipline given to others;
- :mod:`.confirm`: the question before a suspension, demotion or dismissal;
- :mod:`.letters`: the Letters menu (notice, decision and closure letters or drafts).
"""
