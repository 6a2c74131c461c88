"""The self-service kiosk: attendees check themselves in at a touchscreen."""
