"""MDT meetings and case review: the team's meetings, their agendas, decisions and actions."""
