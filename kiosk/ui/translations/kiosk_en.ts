<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BadgeSettingsDialog</name>
    <message numerus="yes">
        <source>%n printer(s) found.</source>
        <translation>
            <numerusform>%n printer found.</numerusform>
            <numerusform>%n printers found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BadgesPdfDialog</name>
    <message numerus="yes">
        <source>Wrote %n badge(s)</source>
        <translation>
            <numerusform>Wrote %n badge</numerusform>
            <numerusform>Wrote %n badges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n page(s) to {path}.</source>
        <translation>
            <numerusform>on %n page to {path}.</numerusform>
            <numerusform>on %n pages to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message numerus="yes">
        <source>%n people were admitted more than once. The earliest admission counts; the others are kept so staff can see whether a ticket was shared.</source>
        <translation>
            <numerusform>%n person was admitted more than once. The earliest admission counts; the others are kept so staff can see whether a ticket was shared.</numerusform>
            <numerusform>%n people were admitted more than once. The earliest admission counts; the others are kept so staff can see whether a ticket was shared.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message numerus="yes">
        <source>%n people found</source>
        <translation>
            <numerusform>%n person found</numerusform>
            <numerusform>%n people found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Wrong PINs forgotten: %n. The self-service kiosk&apos;s PIN can be tried again now.</source>
        <translation>
            <numerusform>Wrong PINs forgotten: %n. The self-service kiosk&apos;s PIN can be tried again now.</numerusform>
            <numerusform>Wrong PINs forgotten: %n. The self-service kiosk&apos;s PIN can be tried again now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingTexts</name>
    <message numerus="yes">
        <source>%n B2B meetings today</source>
        <translation>
            <numerusform>%n B2B meeting today</numerusform>
            <numerusform>%n B2B meetings today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meetings marked held (both badges scanned here)</source>
        <translation>
            <numerusform>%n meeting marked held (both badges scanned here)</numerusform>
            <numerusform>%n meetings marked held (both badges scanned here)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoreTimePrompt</name>
    <message numerus="yes">
        <source>The screen starts over in %n seconds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message numerus="yes">
        <source>{scope}: %n register row(s)</source>
        <translation>
            <numerusform>{scope}: %n register row</numerusform>
            <numerusform>{scope}: %n register rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n person(s) attended.</source>
        <translation>
            <numerusform>, %n person attended.</numerusform>
            <numerusform>, %n people attended.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScannerTestDialog</name>
    <message numerus="yes">
        <source>%n key(s) in {duration} ms, longest gap {gap} ms</source>
        <translation>
            <numerusform>%n key in {duration} ms, longest gap {gap} ms</numerusform>
            <numerusform>%n keys in {duration} ms, longest gap {gap} ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SimilarPeopleDialog</name>
    <message numerus="yes">
        <source>%n registered people have a name like “{name}”. Is the walk-in one of them?</source>
        <translation>
            <numerusform>%n registered person has a name like “{name}”. Is the walk-in this person?</numerusform>
            <numerusform>%n registered people have a name like “{name}”. Is the walk-in one of them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message numerus="yes">
        <source>%n scans</source>
        <translation>
            <numerusform>%n scan</numerusform>
            <numerusform>%n scans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attendees</source>
        <translation>
            <numerusform>%n attendee</numerusform>
            <numerusform>%n attendees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{kiosk}: %n new</source>
        <translation>
            <numerusform>{kiosk}: %n new</numerusform>
            <numerusform>{kiosk}: %n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here</source>
        <translation>
            <numerusform>%n already here</numerusform>
            <numerusform>%n already here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scans of this kiosk still missing</source>
        <translation>
            <numerusform>%n scan of this kiosk still missing</numerusform>
            <numerusform>%n scans of this kiosk still missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attendees: %n new</source>
        <translation>
            <numerusform>Attendees: %n new</numerusform>
            <numerusform>Attendees: %n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records not merged (see the command line report)</source>
        <translation>
            <numerusform>%n record not merged (see the command line report)</numerusform>
            <numerusform>%n records not merged (see the command line report)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent: %n new scans</source>
        <translation>
            <numerusform>Sent: %n new scan</numerusform>
            <numerusform>Sent: %n new scans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received: %n scans from other kiosks</source>
        <translation>
            <numerusform>Received: %n scan from other kiosks</numerusform>
            <numerusform>Received: %n scans from other kiosks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attendees received: %n new</source>
        <translation>
            <numerusform>Attendees received: %n new</numerusform>
            <numerusform>Attendees received: %n new</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStateButton</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
