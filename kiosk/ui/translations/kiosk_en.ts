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
    <name>ScannerTestDialog</name>
    <message numerus="yes">
        <source>%n key(s) in {duration} ms, longest gap {gap} ms</source>
        <translation>
            <numerusform>%n key in {duration} ms, longest gap {gap} ms</numerusform>
            <numerusform>%n keys in {duration} ms, longest gap {gap} ms</numerusform>
        </translation>
    </message>
</context>
</TS>
