<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bg">
<context>
    <name>AboutDialog</name>
    <message>
        <source>installed program</source>
        <translation>инсталирана програма</translation>
    </message>
    <message>
        <source>Python package</source>
        <translation>пакет на Python</translation>
    </message>
    <message>
        <source>source code (developer copy)</source>
        <translation>изходен код (копие за разработчици)</translation>
    </message>
    <message>
        <source>About Kiosk</source>
        <translation>За Kiosk</translation>
    </message>
    <message>
        <source>Version {version} ({kind})</source>
        <translation>Версия {version} ({kind})</translation>
    </message>
    <message>
        <source>Offline check-in and badge printing for the registration desk of a conference.</source>
        <translation>Отбелязване на пристигащите без интернет и печат на баджове за регистрационното гише на конференция.</translation>
    </message>
    <message>
        <source>Where this computer keeps Kiosk&apos;s files</source>
        <translation>Къде този компютър пази файловете на Kiosk</translation>
    </message>
    <message>
        <source>Event data:</source>
        <translation>Данни за събитията:</translation>
    </message>
    <message>
        <source>Event database:</source>
        <translation>База данни на събитието:</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Дневници:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Настройки:</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Отваряне на папката</translation>
    </message>
    <message>
        <source>Python {python} · Qt {qt} · {system}. Free software under the GNU General Public License, version 3 or later. Fonts: Noto Sans (SIL Open Font License).</source>
        <translation>Python {python} · Qt {qt} · {system}. Свободен софтуер под GNU General Public License, версия 3 или по-нова. Шрифтове: Noto Sans (SIL Open Font License).</translation>
    </message>
</context>
<context>
    <name>AccessBar</name>
    <message>
        <source>No speech</source>
        <extracomment>Text sizes the &quot;A+&quot; button steps through (1.0 is the normal size). Seconds the &quot;more time?&quot; prompt waits before the kiosk starts over (WCAG 2.2.1 asks for at least 20 seconds to answer such a warning). Below this width the headphones sentence would wrap into a tall column that takes the screens&apos; room: it goes under the buttons instead.</extracomment>
        <translation>Няма говор</translation>
    </message>
    <message>
        <source>This kiosk has no voice installed — ask the staff.</source>
        <translation>На този киоск няма инсталиран глас — попитайте служителите.</translation>
    </message>
    <message>
        <source>Speak</source>
        <translation>Четене на глас</translation>
    </message>
    <message>
        <source>Read the screen aloud (F1 or * on the keypad)</source>
        <translation>Прочитане на екрана на глас (F1 или * на цифровата клавиатура)</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>По-голям текст</translation>
    </message>
    <message>
        <source>Larger text (F3 or + on the keypad)</source>
        <translation>По-голям текст (F3 или + на цифровата клавиатура)</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Висок контраст</translation>
    </message>
    <message>
        <source>Headphones: plug them in, then touch Speak or press * on the keypad.</source>
        <translation>Слушалки: включете ги, после докоснете „Четене на глас“ или натиснете * на цифровата клавиатура.</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>{table}: column headers</source>
        <extracomment>The last announcements (newest last): what a screen reader was asked to say.</extracomment>
        <translation>{table}: заглавия на колоните</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Изчистване на търсенето</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <source>No arrivals yet</source>
        <translation>Още няма пристигнали</translation>
    </message>
</context>
<context>
    <name>BadgeSettingsDialog</name>
    <message>
        <source>Sending a test page…</source>
        <translation>Изпраща се тестова страница…</translation>
    </message>
    <message>
        <source>Drawing the badge…</source>
        <translation>Баджът се изготвя…</translation>
    </message>
    <message>
        <source>No preview: {problem}</source>
        <translation>Няма преглед: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>%n printer(s) found.</source>
        <translation>
            <numerusform>Намерен е %n принтер.</numerusform>
            <numerusform>Намерени са %n принтера.</numerusform>
        </translation>
    </message>
    <message>
        <source>ESC/POS printers need ?profile=… (e.g. TM-T20II).</source>
        <translation>Принтерите ESC/POS изискват ?profile=… (напр. TM-T20II).</translation>
    </message>
    <message>
        <source>Test page not printed: {problem}</source>
        <translation>Тестовата страница не е отпечатана: {problem}</translation>
    </message>
    <message>
        <source>Test page sent to {uri}.</source>
        <translation>Тестовата страница е изпратена към {uri}.</translation>
    </message>
    <message>
        <source>Badges and printer</source>
        <translation>Баджове и принтер</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Бадж</translation>
    </message>
    <message>
        <source>Print automatically</source>
        <translation>Автоматичен печат</translation>
    </message>
    <message>
        <source>e.g. escpos+tcp://192.168.1.50:9100?profile=TM-T20II</source>
        <translation>напр. escpos+tcp://192.168.1.50:9100?profile=TM-T20II</translation>
    </message>
    <message>
        <source>Find printers</source>
        <translation>Търсене на принтери</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>Тестова страница</translation>
    </message>
    <message>
        <source>Never (print from the details)</source>
        <translation>Никога (печат от „Подробности“)</translation>
    </message>
    <message>
        <source>On the first admission of the event</source>
        <translation>При първия вход за събитието</translation>
    </message>
    <message>
        <source>On every admission</source>
        <translation>При всеки вход</translation>
    </message>
    <message>
        <source>Then the person&apos;s B2B meetings of the day, if any</source>
        <translation>След него B2B срещите на човека за деня, ако има</translation>
    </message>
    <message>
        <source>The preview shows the attendee with the longest name, so you can see how long names fit.</source>
        <translation>Прегледът показва участника с най-дългото име, за да видите как се побират дългите имена.</translation>
    </message>
</context>
<context>
    <name>BadgeTemplates</name>
    <message>
        <source>A4 sheet of 10 CR80 badges (2 × 5, 85.6 × 54 mm), crop marks, for card-size badge holders</source>
        <translation>Лист A4 с 10 бейджа CR80 (2 × 5, 85,6 × 54 mm), с линии за рязане, за джобове с размер на карта</translation>
    </message>
    <message>
        <source>A6 portrait card (105 × 148 mm) for office or card printers, 300 dpi, colour</source>
        <translation>Карта A6, вертикална (105 × 148 mm), за офис принтери или принтери за карти, 300 dpi, цветна</translation>
    </message>
    <message>
        <source>Brother QL, 62 mm endless label (DK-22205): 696 dots at 300 dpi, 1-bit</source>
        <translation>Brother QL, безкраен етикет 62 mm (DK-22205): 696 точки при 300 dpi, черно-бял</translation>
    </message>
    <message>
        <source>CR80 card (85.6 × 54 mm, credit-card size) for card printers and card-size badge holders, 300 dpi, colour</source>
        <translation>Карта CR80 (85,6 × 54 mm, размер на банкова карта) за принтери за карти и джобове с размер на карта, 300 dpi, цветна</translation>
    </message>
    <message>
        <source>4 × 3 in badge insert, landscape (Avery 5392 and most badge holders; Zebra 4×3 labels), 300 dpi, colour</source>
        <translation>Вложка за бейдж 4 × 3 in, хоризонтална (Avery 5392 и повечето джобове за бейджове; етикети Zebra 4×3), 300 dpi, цветна</translation>
    </message>
    <message>
        <source>Letter sheet of 6 badges 4 × 3 in (2 × 3), Avery 5392 / 5390-style perforated inserts</source>
        <translation>Лист Letter с 6 бейджа 4 × 3 in (2 × 3), перфорирани вложки тип Avery 5392 / 5390</translation>
    </message>
    <message>
        <source>58 mm thermal roll (compact receipt printers): 384 dots at 203 dpi</source>
        <translation>Термична ролка 58 mm (малки касови принтери): 384 точки при 203 dpi</translation>
    </message>
    <message>
        <source>80 mm thermal roll on the Epson TM-T88 family: 512 dots at 180 dpi</source>
        <translation>Термична ролка 80 mm за принтерите Epson TM-T88: 512 точки при 180 dpi</translation>
    </message>
    <message>
        <source>80 mm thermal roll (Epson TM-T20, TM-m30, Star TSP100…): 576 dots at 203 dpi</source>
        <translation>Термична ролка 80 mm (Epson TM-T20, TM-m30, Star TSP100…): 576 точки при 203 dpi</translation>
    </message>
</context>
<context>
    <name>BadgesPdfDialog</name>
    <message>
        <source>Choose the PDF file to write.</source>
        <extracomment>A PDF was written (BadgesWritten): the window may say so in its status bar.</extracomment>
        <translation>Изберете PDF файла, в който да се запише.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist: choose another.</source>
        <translation>Папката {folder} не съществува: изберете друга.</translation>
    </message>
    <message>
        <source>{path} is a folder: give a file name.</source>
        <translation>{path} е папка: дайте име на файл.</translation>
    </message>
    <message>
        <source>There is no sheet template to draw on.</source>
        <translation>Няма шаблон за лист, върху който да се изготвят баджовете.</translation>
    </message>
    <message>
        <source>Badges PDF</source>
        <translation>Баджове в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлове (*.pdf)</translation>
    </message>
    <message>
        <source>Reading who gets a badge…</source>
        <translation>Търсят се хората, които получават бадж…</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Да се замени ли файлът?</translation>
    </message>
    <message>
        <source>{name} already exists in {folder}. Replace it?</source>
        <translation>{name} вече съществува в {folder}. Да бъде ли заменен?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Прекратява се…</translation>
    </message>
    <message>
        <source>Drawing badge {done} of {total}…</source>
        <translation>Изготвя се бадж {done} от {total}…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n badge(s)</source>
        <translation>
            <numerusform>Записан е %n бадж</numerusform>
            <numerusform>Записани са %n баджа</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n page(s) to {path}.</source>
        <translation>
            <numerusform>на %n страница в {path}.</numerusform>
            <numerusform>на %n страници в {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Прекратено: не е записан файл.</translation>
    </message>
    <message>
        <source>The badges were not written: {problem}</source>
        <translation>Баджовете не са записани: {problem}</translation>
    </message>
    <message>
        <source>Badges on sheets for an office printer, to cut and hand out. The desk keeps checking in while they are drawn.</source>
        <translation>Баджове на листове за офис принтер, за изрязване и раздаване. Гишето продължава да отбелязва пристигащите, докато баджовете се изготвят.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Хора</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Лист</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Подредба</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF файл</translation>
    </message>
    <message>
        <source>Everyone registered</source>
        <translation>Всички регистрирани</translation>
    </message>
    <message>
        <source>Expected on {list}</source>
        <translation>Очаквани: {list}</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Държава</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>Код на билета</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Избор…</translation>
    </message>
    <message>
        <source>Write PDF</source>
        <translation>Запис на PDF</translation>
    </message>
    <message>
        <source>People on a list are those its check-in would admit: registered for its day and in one of its categories.</source>
        <translation>В списъка са хората, които входът по него би пуснал: записани за деня му и от някоя от категориите му.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>No camera found — use the USB scanner or search by name</source>
        <translation>Няма камера — използвайте USB скенера или търсете по име</translation>
    </message>
    <message>
        <source>Starting camera…</source>
        <translation>Камерата се включва…</translation>
    </message>
    <message>
        <source>Point the QR code at the camera</source>
        <translation>Насочете QR кода към камерата</translation>
    </message>
    <message>
        <source>The camera does not work: %1</source>
        <translation>Камерата не работи: %1</translation>
    </message>
    <message>
        <source>The camera is off</source>
        <translation>Камерата е изключена</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>Изключване на камерата</translation>
    </message>
    <message>
        <source>Start camera</source>
        <translation>Включване на камерата</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <source>Is this you?</source>
        <translation>Това Вие ли сте?</translation>
    </message>
    <message>
        <source>Yes, check me in</source>
        <translation>Да, това съм аз</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>Не, назад</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>At two kiosks</source>
        <translation>На два киоска</translation>
    </message>
    <message>
        <source>Twice at one kiosk</source>
        <translation>Два пъти на един киоск</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>важи</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>повторно</translation>
    </message>
    <message>
        <source>No conflicts: no one was admitted twice.</source>
        <translation>Няма конфликти: никой не е допуснат два пъти.</translation>
    </message>
    <message numerus="yes">
        <source>%n people were admitted more than once. The earliest admission counts; the others are kept so staff can see whether a ticket was shared.</source>
        <translation>
            <numerusform>%n човек е допуснат повече от веднъж. Важи най-ранното допускане; другите се пазят, за да се види дали билетът е споделян.</numerusform>
            <numerusform>%n души са допуснати повече от веднъж. Важи най-ранното допускане; другите се пазят, за да се види дали билетът е споделян.</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликти</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Име</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Списък</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Къде</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>Допускания</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обнови</translation>
    </message>
</context>
<context>
    <name>DeskKeys</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Клавишни комбинации</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Висок контраст</translation>
    </message>
    <message>
        <source>Choose the check-in list</source>
        <translation>Избор на списък за вход</translation>
    </message>
    <message>
        <source>Entry mode</source>
        <translation>Режим „Вход“</translation>
    </message>
    <message>
        <source>Exit mode</source>
        <translation>Режим „Изход“</translation>
    </message>
    <message>
        <source>Rename this kiosk</source>
        <translation>Преименуване на този киоск</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Опашка за печат</translation>
    </message>
    <message>
        <source>Camera on or off</source>
        <translation>Камера — вкл./изкл.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Език</translation>
    </message>
    <message>
        <source>Sound on or off</source>
        <translation>Звук — вкл./изкл.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Sync with other kiosks</source>
        <translation>Синхронизиране с другите киоски</translation>
    </message>
    <message>
        <source>Import registrations</source>
        <translation>Импортиране на регистрации</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчети</translation>
    </message>
    <message>
        <source>Badges and printer</source>
        <translation>Баджове и принтер</translation>
    </message>
    <message>
        <source>Search</source>
        <extracomment>Shortcuts the window had before this table (documented with it).</extracomment>
        <translation>Търсене</translation>
    </message>
    <message>
        <source>Register a walk-in</source>
        <translation>Регистрация на място</translation>
    </message>
    <message>
        <source>Undo the last check-in</source>
        <translation>Отмяна на последното пристигане</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Изчистване на търсенето</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Затваряне</translation>
    </message>
    <message>
        <source>Keyboard shortcuts…</source>
        <translation>Клавишни комбинации…</translation>
    </message>
    <message>
        <source>{what} ({keys})</source>
        <translation>{what} ({keys})</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>Nothing for “{query}” — showing results for “{other}” (keyboard layout)</source>
        <translation>Няма резултати за „{query}“ — показани са резултатите за „{other}“ (клавиатурна подредба)</translation>
    </message>
    <message>
        <source>Enter records the exit of the highlighted person · ↓ moves to the list</source>
        <translation>Enter отбелязва излизането на избрания човек · ↓ преминава към списъка</translation>
    </message>
    <message>
        <source>Enter checks in the highlighted person · ↓ moves to the list</source>
        <translation>Enter отбелязва пристигането на избрания човек · ↓ преминава към списъка</translation>
    </message>
    <message>
        <source>Nobody matches “{query}”. Register a walk-in with F2.</source>
        <translation>Няма съвпадения за „{query}“. Регистрация на място – с F2.</translation>
    </message>
    <message numerus="yes">
        <source>%n people found</source>
        <translation>
            <numerusform>Намерен е %n човек</numerusform>
            <numerusform>Намерени са %n души</numerusform>
        </translation>
    </message>
    <message>
        <source>Search by name, organisation, e-mail or code (Ctrl+F)</source>
        <translation>Търсене по име, организация, имейл или код (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search attendees</source>
        <translation>Търсене на участници</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Изчистване на търсенето</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Намерени хора</translation>
    </message>
    <message>
        <source>Check in (Enter)</source>
        <translation>Пристигна (Enter)</translation>
    </message>
    <message>
        <source>Record exit (Enter)</source>
        <translation>Отбележи изход (Enter)</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Подробности…</translation>
    </message>
    <message>
        <source>Walk-in… (F2)</source>
        <translation>Регистрация на място… (F2)</translation>
    </message>
    <message>
        <source>Undo last (Ctrl+Z)</source>
        <translation>Отмяна на последното (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>EditPersonDialog</name>
    <message>
        <source>Correct {name}</source>
        <translation>Корекция: {name}</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Име</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Note shown at check-in</source>
        <translation>Бележка при пристигане</translation>
    </message>
    <message>
        <source>Needs attention at check-in</source>
        <translation>Изисква внимание при пристигане</translation>
    </message>
    <message>
        <source>Changes are logged and reach the other kiosks with the next sync.</source>
        <translation>Промените се записват в дневника и стигат до другите киоски при следващата синхронизация.</translation>
    </message>
</context>
<context>
    <name>FindScreen</name>
    <message>
        <source>Type your last name in full.</source>
        <translation>Напишете фамилията си изцяло.</translation>
    </message>
    <message>
        <source>Type your whole last name, as on your registration. For your privacy, names appear only then. Not found? Ask at the registration desk.</source>
        <translation>Напишете цялата си фамилия, както е в регистрацията. За да пазим личните данни, имената се показват едва тогава. Не се откривате? Попитайте на гишето за регистрация.</translation>
    </message>
    <message>
        <source>Touch your name.</source>
        <translation>Докоснете името си.</translation>
    </message>
    <message>
        <source>Find me by name</source>
        <translation>Намерете ме по име</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Show the keyboard</source>
        <translation>Покажи клавиатурата</translation>
    </message>
    <message>
        <source>Your last name</source>
        <translation>Вашата фамилия</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Намерени хора</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Give the event a name.</source>
        <translation>Въведете име на събитието.</translation>
    </message>
    <message>
        <source>Choose the venue&apos;s time zone: days and times are counted in it.</source>
        <translation>Изберете часовата зона на мястото на събитието: дните и часовете се броят в нея.</translation>
    </message>
    <message>
        <source>Unknown time zone “{tz}”. Use a name like Europe/Sofia.</source>
        <translation>Непозната часова зона „{tz}“. Използвайте име като Europe/Sofia.</translation>
    </message>
    <message>
        <source>Open an event database</source>
        <translation>Отваряне на база данни на събитие</translation>
    </message>
    <message>
        <source>Kiosk event (*.db);;All files (*)</source>
        <translation>Събитие на Kiosk (*.db);;Всички файлове (*)</translation>
    </message>
    <message>
        <source>Kiosk cannot tell this computer&apos;s time zone: type the venue&apos;s, e.g. Europe/Sofia or Europe/Bucharest. Days and times are counted in it.</source>
        <translation>Kiosk не може да установи часовата зона на този компютър: въведете тази на мястото на събитието, напр. Europe/Sofia или Europe/Bucharest. Дните и часовете се броят в нея.</translation>
    </message>
    <message>
        <source>It is now {time} on {day} in {tz}.</source>
        <translation>Сега е {time} на {day} в {tz}.</translation>
    </message>
    <message>
        <source>This computer is set to UTC: if the venue is elsewhere, type its time zone (e.g. Europe/Sofia).</source>
        <translation>Този компютър е настроен на UTC: ако събитието е другаде, въведете неговата часова зона (напр. Europe/Sofia).</translation>
    </message>
    <message>
        <source>This is this computer&apos;s time zone; change it if the venue is elsewhere.</source>
        <translation>Това е часовата зона на този компютър; сменете я, ако събитието е другаде.</translation>
    </message>
    <message>
        <source>Welcome to Kiosk</source>
        <translation>Добре дошли в Kiosk</translation>
    </message>
    <message>
        <source>There is no event on this computer yet ({path}). Create the event, then import the registrations from the Menu; or open the demo event to try the desk.</source>
        <translation>На този компютър все още няма събитие ({path}). Създайте събитието и импортирайте регистрациите от „Меню“ или отворете демонстрационното събитие, за да изпробвате гишето.</translation>
    </message>
    <message>
        <source>CREATE AN EVENT</source>
        <translation>СЪЗДАВАНЕ НА СЪБИТИЕ</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>Име на събитието</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Първи ден</translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation>Брой дни</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часова зона</translation>
    </message>
    <message>
        <source>e.g. BG-RO Cluster Conference</source>
        <translation>напр. Клъстерна конференция BG-RO</translation>
    </message>
    <message>
        <source>Create event</source>
        <translation>Създаване на събитие</translation>
    </message>
    <message>
        <source>OR</source>
        <translation>ИЛИ</translation>
    </message>
    <message>
        <source>Open an existing event…</source>
        <translation>Отваряне на съществуващо събитие…</translation>
    </message>
    <message>
        <source>Open the demo event</source>
        <translation>Отваряне на демо събитието</translation>
    </message>
    <message>
        <source>A two-day Bulgarian–Romanian cluster conference with a few hundred invented attendees, today and {day}. Nothing real is touched.</source>
        <translation>Двудневна българо-румънска клъстерна конференция с няколкостотин измислени участници, днес и {day}. Реалните данни остават незасегнати.</translation>
    </message>
</context>
<context>
    <name>ForceDialog</name>
    <message>
        <source>Admit anyway</source>
        <translation>Допусни въпреки това</translation>
    </message>
    <message>
        <source>Admit {name} although: {why}</source>
        <translation>Да се допусне ли {name}, въпреки че: {why}</translation>
    </message>
    <message>
        <source>Reason, e.g. registered for day 2, came on day 1</source>
        <translation>Причина, напр. регистрация за ден 2, пристигане на ден 1</translation>
    </message>
    <message>
        <source>Reason for admitting anyway</source>
        <translation>Причина за допускане въпреки отказа</translation>
    </message>
    <message>
        <source>Reason (kept in the log):</source>
        <translation>Причина (записва се в дневника):</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Check-in list</source>
        <translation>Списък за вход</translation>
    </message>
    <message>
        <source>e.g. Workshop A, B2B room, Gala dinner</source>
        <translation>напр. Уъркшоп А, B2B зала, Гала вечеря</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Всеки ден</translation>
    </message>
    <message>
        <source>Open only from</source>
        <translation>Отворен само от</translation>
    </message>
    <message>
        <source>Opens at</source>
        <translation>Отваря в</translation>
    </message>
    <message>
        <source>Closes at</source>
        <translation>Затваря в</translation>
    </message>
    <message>
        <source>everyone (or e.g. speaker, vip)</source>
        <translation>всички (или напр. speaker, vip)</translation>
    </message>
    <message>
        <source>Track who is inside (entries and exits)</source>
        <translation>Следи кой е вътре (влизания и излизания)</translation>
    </message>
    <message>
        <source>Admit at every scan (coffee, sessions)</source>
        <translation>Допуска при всяко сканиране (кафе, сесии)</translation>
    </message>
    <message>
        <source>Entry again after an exit</source>
        <translation>Повторно влизане след излизане</translation>
    </message>
    <message>
        <source>Admit registrations not paid yet</source>
        <translation>Допуска още неплатени регистрации</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Име</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ден</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часове</translation>
    </message>
    <message>
        <source>Only categories</source>
        <translation>Само категории</translation>
    </message>
</context>
<context>
    <name>ListsDialog</name>
    <message>
        <source>Check-in lists</source>
        <translation>Списъци за вход</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Списък</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Кога</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Правила</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добави…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Промени…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Премахни</translation>
    </message>
    <message>
        <source>New lists reach the other kiosks with the next sync. A list with scans cannot be removed: its scans are evidence.</source>
        <translation>Новите списъци стигат до другите киоски при следващата синхронизация. Списък със сканирания не може да се премахне: сканиранията са доказателство.</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Всеки ден</translation>
    </message>
    <message>
        <source>every scan</source>
        <translation>при всяко сканиране</translation>
    </message>
    <message>
        <source>once a day</source>
        <translation>веднъж на ден</translation>
    </message>
    <message>
        <source>once</source>
        <translation>веднъж</translation>
    </message>
    <message>
        <source>who is inside</source>
        <translation>кой е вътре</translation>
    </message>
    <message>
        <source>re-entry</source>
        <translation>повторно влизане</translation>
    </message>
    <message>
        <source>no re-entry</source>
        <translation>без повторно влизане</translation>
    </message>
    <message>
        <source>unpaid admitted</source>
        <translation>неплатени се допускат</translation>
    </message>
    <message>
        <source>List not saved</source>
        <translation>Списъкът не е записан</translation>
    </message>
    <message>
        <source>List not removed</source>
        <translation>Списъкът не е премахнат</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No check-in list</source>
        <extracomment>Scans (code, how) that arrived before :meth:`start`, decided by it in order.</extracomment>
        <translation>Няма списък за вход</translation>
    </message>
    <message>
        <source>This event has no lists.</source>
        <translation>Това събитие няма списъци.</translation>
    </message>
    <message>
        <source>Kiosk not renamed</source>
        <translation>Киоскът не е преименуван</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Импортирането е неуспешно</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Няма нищо за отмяна</translation>
    </message>
    <message>
        <source>No check-in to undo.</source>
        <translation>Няма пристигане за отмяна.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не е записано</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Възникна грешка</translation>
    </message>
    <message>
        <source>The scan was not recorded. Try again; if it repeats, restart Kiosk.</source>
        <translation>Сканирането не е записано. Опитайте отново; ако се повтори, рестартирайте Kiosk.</translation>
    </message>
    <message>
        <source>Rename this kiosk</source>
        <translation>Преименуване на този киоск</translation>
    </message>
    <message>
        <source>Name of this kiosk, as staff and the other kiosks will see it:</source>
        <translation>Име на този киоск, както ще го виждат служителите и другите киоски:</translation>
    </message>
    <message>
        <source>This kiosk is now called {name}.</source>
        <translation>Този киоск вече се казва {name}.</translation>
    </message>
    <message>
        <source>A kiosk needs a name, e.g. Desk 2.</source>
        <translation>Киоскът трябва да има име, напр. Гише 2.</translation>
    </message>
    <message>
        <source>A kiosk name has at most 40 characters.</source>
        <translation>Името на киоск е най-много 40 знака.</translation>
    </message>
    <message>
        <source>Another kiosk already has this name. Choose a name of its own.</source>
        <translation>Друг киоск вече носи това име. Изберете име само за този.</translation>
    </message>
    <message>
        <source>Undo the check-in of {name}?</source>
        <translation>Да се отмени ли пристигането на {name}?</translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation>Отмяна на пристигането</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Не е променено</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Не е записано</translation>
    </message>
    <message>
        <source>{who}: the check-in was undone; they can be checked in again.</source>
        <translation>{who}: пристигането е отменено; може да се отбележи отново.</translation>
    </message>
    <message>
        <source>Check-in of {name} undone.</source>
        <translation>Пристигането на {name} е отменено.</translation>
    </message>
    <message>
        <source>The person can be checked in again.</source>
        <translation>Пристигането може да се отбележи отново.</translation>
    </message>
    <message>
        <source>Import registrations</source>
        <translation>Импортиране на регистрации</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Импортиране на {file}…</translation>
    </message>
    <message>
        <source>People missing from the file</source>
        <translation>Хора, които липсват във файла</translation>
    </message>
    <message>
        <source>Cancel them</source>
        <translation>Анулирай ги</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Запази ги</translation>
    </message>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>Редове, които не могат да бъдат импортирани</translation>
    </message>
    <message>
        <source>Import the others</source>
        <translation>Импортирай останалите</translation>
    </message>
    <message>
        <source>Stop, import nothing</source>
        <translation>Спри, не импортирай нищо</translation>
    </message>
    <message>
        <source>Added: {n}</source>
        <translation>Добавени: {n}</translation>
    </message>
    <message>
        <source>Updated: {n}</source>
        <translation>Обновени: {n}</translation>
    </message>
    <message>
        <source>Unchanged: {n}</source>
        <translation>Без промяна: {n}</translation>
    </message>
    <message>
        <source>Cancelled: {n}</source>
        <translation>Анулирани: {n}</translation>
    </message>
    <message>
        <source>Rows skipped: {n}</source>
        <translation>Пропуснати редове: {n}</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Импортирането завърши</translation>
    </message>
    <message>
        <source>Print a new badge?</source>
        <translation>Да се отпечата ли нов бадж?</translation>
    </message>
    <message>
        <source>The badge of {name} shows the old details. Print a new one?</source>
        <translation>Баджът на {name} показва старите данни. Да се отпечата ли нов?</translation>
    </message>
    <message>
        <source>A badge was printed on {day} at {time} on {kiosk}. Print another?</source>
        <translation>Вече е отпечатан бадж на {day} в {time} на {kiosk}. Да се отпечата ли още един?</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Повторен печат</translation>
    </message>
    <message>
        <source>Badge already printed at {time} on {kiosk} — reprint from Details.</source>
        <translation>Баджът вече е отпечатан в {time} на {kiosk} — повторен печат от „Подробности“.</translation>
    </message>
    <message>
        <source>Badge for {name} not printed: {message}</source>
        <translation>Баджът на {name} не е отпечатан: {message}</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Няма принтер</translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>Принтерът е готов</translation>
    </message>
    <message>
        <source>Badge printed</source>
        <translation>Баджът е отпечатан</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Печат…</translation>
    </message>
    <message>
        <source>Printer problem</source>
        <translation>Проблем с принтера</translation>
    </message>
    <message>
        <source>Badges PDF written: {path}</source>
        <translation>Баджовете са записани в PDF: {path}</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PINs forgotten: %n. The self-service kiosk&apos;s PIN can be tried again now.</source>
        <translation>
            <numerusform>Забравени грешни ПИН кодове: %n. ПИН кодът на киоска за самообслужване може да се въведе отново веднага.</numerusform>
            <numerusform>Забравени грешни ПИН кодове: %n. ПИН кодът на киоска за самообслужване може да се въведе отново веднага.</numerusform>
        </translation>
    </message>
    <message>
        <source>The self-service kiosk was not waiting: no wrong PINs to forget.</source>
        <translation>Киоскът за самообслужване не чакаше: няма грешни ПИН кодове за забравяне.</translation>
    </message>
    <message>
        <source>Self-service PIN</source>
        <translation>ПИН на киоска за самообслужване</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>Списък:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Език</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Изход</translation>
    </message>
    <message>
        <source>Badges PDF for a list…</source>
        <translation>Баджове в PDF за списък…</translation>
    </message>
    <message>
        <source>End the self-service PIN wait</source>
        <translation>Край на чакането за ПИН на киоска</translation>
    </message>
    <message>
        <source>B2B meetings…</source>
        <translation>B2B срещи…</translation>
    </message>
    <message>
        <source>Check-in lists…</source>
        <translation>Списъци за вход…</translation>
    </message>
    <message>
        <source>Kiosk: {name}</source>
        <extracomment>Widest the kiosk&apos;s name may make its button (a copied file&apos;s kiosk is &quot;Desk 1 (LAPTOP-7)&quot;); the whole name is in the tooltip.</extracomment>
        <translation>Гише: {name}</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>an unknown ticket</source>
        <translation>непознат билет</translation>
    </message>
    <message>
        <source>Undo the exit of {who}, recorded at {time}?</source>
        <translation>Да се отмени ли изходът на {who}, записан в {time}?</translation>
    </message>
    <message>
        <source>Undo the check-in of {who}, made at {time}?</source>
        <translation>Да се отмени ли пристигането на {who}, отбелязано в {time}?</translation>
    </message>
    <message>
        <source>The last action here already undid the check-in of {name}. This is an earlier check-in of somebody else.</source>
        <translation>Последното действие тук вече отмени пристигането на {name}. Това е по-ранно пристигане на друг човек.</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>код {code}</translation>
    </message>
    <message>
        <source>Registrations (*.csv *.xlsx *.ods *.txt);;All files (*)</source>
        <translation>Регистрации (*.csv *.xlsx *.ods *.txt);;Всички файлове (*)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Scan QR codes with the camera</source>
        <translation>Сканиране на QR кодове с камерата</translation>
    </message>
    <message>
        <source>Register a walk-in…</source>
        <translation>Регистрация на място…</translation>
    </message>
    <message>
        <source>Undo the last check-in</source>
        <translation>Отмяна на последното пристигане</translation>
    </message>
    <message>
        <source>Test the scanner…</source>
        <translation>Проверка на скенера…</translation>
    </message>
    <message>
        <source>Import registrations…</source>
        <translation>Импортиране на регистрации…</translation>
    </message>
    <message>
        <source>Badges and printer…</source>
        <translation>Баджове и принтер…</translation>
    </message>
    <message>
        <source>Print queue…</source>
        <translation>Опашка за печат…</translation>
    </message>
    <message>
        <source>Sync with other kiosks…</source>
        <translation>Синхронизиране с другите киоски…</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>Конфликти…</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>Отчети…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Затваряне</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Помощ</translation>
    </message>
    <message>
        <source>About Kiosk…</source>
        <translation>За Kiosk…</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Звук: изкл.</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Звук: вкл.</translation>
    </message>
    <message>
        <source>Event database: {path}</source>
        <translation>База данни на събитието: {path}</translation>
    </message>
</context>
<context>
    <name>MeetingTexts</name>
    <message numerus="yes">
        <source>%n B2B meetings today</source>
        <translation>
            <numerusform>%n B2B среща днес</numerusform>
            <numerusform>%n B2B срещи днес</numerusform>
        </translation>
    </message>
    <message>
        <source>now, since {time}{where}, with {partner}</source>
        <translation>сега, от {time}{where}, с {partner}</translation>
    </message>
    <message>
        <source>next {time}{where}, with {partner}</source>
        <translation>следваща в {time}{where}, с {partner}</translation>
    </message>
    <message>
        <source>first {time}{where}, with {partner}</source>
        <translation>първа в {time}{where}, с {partner}</translation>
    </message>
    <message>
        <source>Not here yet: {people}</source>
        <translation>Още не са тук: {people}</translation>
    </message>
    <message numerus="yes">
        <source>%n meetings marked held (both badges scanned here)</source>
        <translation>
            <numerusform>%n среща отбелязана като проведена (двата бейджа сканирани тук)</numerusform>
            <numerusform>%n срещи отбелязани като проведени (двата бейджа сканирани тук)</numerusform>
        </translation>
    </message>
    <message>
        <source>Your meetings today</source>
        <translation>Вашите срещи днес</translation>
    </message>
</context>
<context>
    <name>MeetingsBoard</name>
    <message>
        <source>(not registered)</source>
        <translation>(няма регистрация)</translation>
    </message>
    <message>
        <source>Both here</source>
        <translation>И двамата са тук</translation>
    </message>
    <message>
        <source>One missing</source>
        <translation>Един липсва</translation>
    </message>
    <message>
        <source>None here</source>
        <translation>Никой не е тук</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Чака потвърждение</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Отказана</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Проведена</translation>
    </message>
    <message>
        <source>Possible (both here)</source>
        <translation>Възможна (и двамата са тук)</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Неявяване</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Планирана</translation>
    </message>
    <message>
        <source>{planned} planned · {held} held · {both} with both here · {missing} waiting for someone</source>
        <translation>{planned} планирани · {held} проведени · {both} с двамата тук · {missing} чакат някого</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Не е отбелязана</translation>
    </message>
    <message>
        <source>The meetings could not be read: {0}</source>
        <translation>Срещите не можаха да бъдат прочетени: {0}</translation>
    </message>
    <message>
        <source>B2B meetings</source>
        <translation>B2B срещи</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Ден:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Покажи:</translation>
    </message>
    <message>
        <source>All meetings</source>
        <translation>Всички срещи</translation>
    </message>
    <message>
        <source>Cancelled, declined, pending</source>
        <translation>Отменени, отказани, чакащи</translation>
    </message>
    <message>
        <source>Name, organisation or table</source>
        <translation>Име, организация или маса</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Маса</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партньор</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Тук</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Състояние</translation>
    </message>
    <message>
        <source>Not held</source>
        <translation>Не е проведена</translation>
    </message>
</context>
<context>
    <name>MoreTimePrompt</name>
    <message numerus="yes">
        <source>The screen starts over in %n seconds.</source>
        <translation>
            <numerusform>Екранът започва отначало след %n секунда.</numerusform>
            <numerusform>Екранът започва отначало след %n секунди.</numerusform>
        </translation>
    </message>
    <message>
        <source>Do you need more time?</source>
        <translation>Нужно ли ви е още време?</translation>
    </message>
    <message>
        <source>Yes, more time</source>
        <translation>Да, още време</translation>
    </message>
</context>
<context>
    <name>Multimedia</name>
    <message>
        <source>The camera needs {package} — see the README.</source>
        <extracomment>Shared libraries Qt Multimedia loads, and the Debian/Ubuntu package of each (README, the &quot;Qt Multimedia&quot; package line). What PySide6&apos;s QtMultimedia needs that a bare Linux system may lack, tried before Qt Multimedia is imported (importing it makes its FFmpeg backend print warnings of its own).</extracomment>
        <translation>Камерата изисква {package} — вижте README.</translation>
    </message>
    <message>
        <source>The camera needs Qt Multimedia&apos;s system libraries — see the README.</source>
        <translation>Камерата изисква системните библиотеки на Qt Multimedia — вижте README.</translation>
    </message>
    <message>
        <source>Sounds need {package} — see the README.</source>
        <translation>Звуците изискват {package} — вижте README.</translation>
    </message>
    <message>
        <source>Sounds need Qt Multimedia&apos;s system libraries — see the README.</source>
        <translation>Звуците изискват системните библиотеки на Qt Multimedia — вижте README.</translation>
    </message>
</context>
<context>
    <name>NumbersPanel</name>
    <message>
        <source>(no category given)</source>
        <translation>(без категория)</translation>
    </message>
    <message>
        <source>(no country given)</source>
        <translation>(без посочена държава)</translation>
    </message>
    <message>
        <source>of {expected} expected ({share:.0f}%)</source>
        <translation>от {expected} очаквани ({share:.0f}%)</translation>
    </message>
    <message>
        <source>CHECKED IN</source>
        <translation>ПРИСТИГНАЛИ</translation>
    </message>
    <message>
        <source>ARRIVALS PER 15 MINUTES</source>
        <translation>ПРИСТИГАНИЯ ЗА 15 МИНУТИ</translation>
    </message>
    <message>
        <source>BY CATEGORY</source>
        <translation>ПО КАТЕГОРИЯ</translation>
    </message>
    <message>
        <source>BY COUNTRY</source>
        <translation>ПО ДЪРЖАВА</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Име</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Държава</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Днес</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Анулирана</translation>
    </message>
    <message>
        <source>In since {time} ({kiosk})</source>
        <translation>Вход в {time} ({kiosk})</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Още не</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Badge printed</source>
        <translation>Отпечатан бадж</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>ръчно въвеждане</translation>
    </message>
    <message>
        <source>Attendee details</source>
        <translation>Данни за участника</translation>
    </message>
    <message>
        <source>Scan history</source>
        <translation>История на сканиранията</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Анулирана</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активна</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Всички дни</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Държава</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Имейл</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>Код на билета</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Бележка</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Сканирания</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Кога</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Списък</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Резултат</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Гише</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Отбележи пристигане</translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation>Отмяна на пристигането</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Печат на бадж</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Коригирай…</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>Твърде много грешни PIN кодове. Опитайте отново след {seconds} с.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Грешен PIN код.</translation>
    </message>
    <message>
        <source>Use 4 to 12 digits that do not repeat one digit or run in a sequence.</source>
        <translation>Използвайте от 4 до 12 цифри, които не повтарят една цифра и не са поредица.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>Двата PIN кода се различават. Започнете отначало.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN код за персонала</translation>
    </message>
    <message>
        <source>Staff only: enter the admin PIN to change this setting.</source>
        <translation>Само за персонала: въведете администраторския ПИН, за да промените тази настройка.</translation>
    </message>
    <message>
        <source>Staff only: enter the PIN to leave the kiosk.</source>
        <translation>Само за персонала: въведете PIN кода, за да излезете от режим киоск.</translation>
    </message>
    <message>
        <source>Choose the staff PIN (4 to 12 digits). Staff need it to leave the kiosk.</source>
        <translation>Изберете PIN код за персонала (от 4 до 12 цифри). С него персоналът излиза от режим киоск.</translation>
    </message>
    <message>
        <source>Enter the same PIN again.</source>
        <translation>Въведете същия PIN код отново.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отказ</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <source>Failed — retrying by itself</source>
        <translation>Неуспешен — нов опит автоматично</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Изчаква</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Печата се</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Отпечатан</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Неуспешен</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменен</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Опашка за печат</translation>
    </message>
    <message>
        <source>Badges to print</source>
        <translation>Баджове за печат</translation>
    </message>
    <message>
        <source>Badges of this kiosk, newest first. A failed badge is tried again by itself a few times; fix the printer, then Retry.</source>
        <translation>Баджовете от това гише, най-новите най-отгоре. Неуспешен бадж се опитва отново автоматично няколко пъти; оправете принтера и натиснете „Опитай отново“.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Име</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Състояние</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Опити</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Съобщение</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Опитай отново</translation>
    </message>
    <message>
        <source>Cancel badge</source>
        <translation>Отмени баджа</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Printer not reachable — check power and cable, then Retry.</source>
        <translation>Принтерът не отговаря — проверете захранването и кабела, после „Опитай отново“.</translation>
    </message>
    <message>
        <source>The printer stopped answering — check paper and cover, then Retry.</source>
        <translation>Принтерът спря да отговаря — проверете хартията и капака, после „Опитай отново“.</translation>
    </message>
    <message>
        <source>The printer is out of paper — load a roll, close the cover, then Retry.</source>
        <translation>Няма хартия — поставете ролка, затворете капака, после „Опитай отново“.</translation>
    </message>
    <message>
        <source>The printer cover is open — close it, then Retry.</source>
        <translation>Капакът на принтера е отворен — затворете го, после „Опитай отново“.</translation>
    </message>
    <message>
        <source>The printer is offline — check its lights and paper, then Retry.</source>
        <translation>Принтерът е изключен от мрежата — проверете светлините и хартията, после „Опитай отново“.</translation>
    </message>
    <message>
        <source>The connection to the printer was lost — check whether the badge printed, then Retry.</source>
        <translation>Връзката с принтера прекъсна — проверете дали баджът е отпечатан, после „Опитай отново“.</translation>
    </message>
    <message>
        <source>The printer address is not valid — fix it in Badges and printer.</source>
        <translation>Адресът на принтера е невалиден — поправете го в „Баджове и принтер“.</translation>
    </message>
    <message>
        <source>Printer not found — check it is on and plugged in, then Retry.</source>
        <translation>Принтерът не е намерен — проверете дали е включен и свързан, после „Опитай отново“.</translation>
    </message>
    <message>
        <source>Not allowed to use the printer — ask the technician (details: hover).</source>
        <translation>Няма разрешение за принтера — повикайте техника (подробности: задръжте мишката).</translation>
    </message>
    <message>
        <source>This badge does not fit this printer — choose a matching badge template.</source>
        <translation>Баджът не е за този принтер — изберете подходящ шаблон.</translation>
    </message>
    <message>
        <source>The badge was not printed — Retry; if it repeats, see the details.</source>
        <translation>Баджът не е отпечатан — „Опитай отново“; ако се повтаря, вижте подробностите.</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Лектор</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Организатор</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>Медии</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Екип</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>Спонсор</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Гост</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>Изложител</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партньор</translation>
    </message>
    <message>
        <source>B2B meetings</source>
        <translation>Бизнес срещи</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Доброволец</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Студент</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>List: {name}</source>
        <translation>Списък: {name}</translation>
    </message>
    <message>
        <source>Day: {day}</source>
        <translation>Ден: {day}</translation>
    </message>
    <message>
        <source>Whole event</source>
        <translation>Цялото събитие</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Преброяване…</translation>
    </message>
    <message numerus="yes">
        <source>{scope}: %n register row(s)</source>
        <translation>
            <numerusform>{scope}: %n ред в регистъра</numerusform>
            <numerusform>{scope}: %n реда в регистъра</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n person(s) attended.</source>
        <translation>
            <numerusform>, присъства %n човек.</numerusform>
            <numerusform>, присъстваха %n души.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлове (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Работни книги на Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG изображения (*.png)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлове (*.pdf)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Запазване на отчета</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Записване на {file}…</translation>
    </message>
    <message>
        <source>Wrote {file} — SHA-256 {digest} (also in {file}.sha256)</source>
        <translation>Записан е {file} — SHA-256 {digest} (и във {file}.sha256)</translation>
    </message>
    <message>
        <source>Could not finish: {message}</source>
        <translation>Не може да се завърши: {message}</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчети</translation>
    </message>
    <message>
        <source>Report table</source>
        <translation>Таблица на отчета</translation>
    </message>
    <message>
        <source>Section of the report</source>
        <translation>Раздел от отчета</translation>
    </message>
    <message>
        <source>Report of:</source>
        <translation>Отчет за:</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Преброй отново</translation>
    </message>
    <message>
        <source>Funding or project line on sign-in sheets:</source>
        <translation>Ред за финансиране или проект в списъците за подпис:</translation>
    </message>
    <message>
        <source>e.g. programme, project code, co-funded by…</source>
        <translation>напр. програма, код на проекта, съфинансиран от…</translation>
    </message>
    <message>
        <source>Register as CSV…</source>
        <translation>Регистър като CSV…</translation>
    </message>
    <message>
        <source>Excel workbook…</source>
        <translation>Работна книга на Excel…</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>Отчет в PDF…</translation>
    </message>
    <message>
        <source>Arrivals chart…</source>
        <translation>Графика на пристиганията…</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Списък за подпис</translation>
    </message>
    <message>
        <source>Everyone registered (to sign at the desk)…</source>
        <translation>Всички регистрирани (за подпис на гишето)…</translation>
    </message>
    <message>
        <source>Those who attended…</source>
        <translation>Присъствалите…</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Exit mode</source>
        <translation>Режим „Изход“</translation>
    </message>
    <message>
        <source>Scan the tickets of people who are leaving.</source>
        <translation>Сканирайте билетите на хората, които излизат.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>В готовност</translation>
    </message>
    <message>
        <source>Scan a ticket, or type a name in the search field below.</source>
        <translation>Сканирайте билет или въведете име в полето за търсене отдолу.</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Внимание</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Бележка</translation>
    </message>
    <message>
        <source>Admit anyway…</source>
        <translation>Допусни въпреки това…</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Scan your QR code</source>
        <translation>Сканирайте своя QR код</translation>
    </message>
    <message>
        <source>Hold the code from your e-mail or phone under the scanner, or in the frame.</source>
        <translation>Поднесете кода от имейла или телефона си под скенера или в рамката.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
</context>
<context>
    <name>ScannerTestDialog</name>
    <message>
        <source>Test scanner</source>
        <translation>Проверка на скенера</translation>
    </message>
    <message>
        <source>Characters received</source>
        <translation>Получени знаци</translation>
    </message>
    <message>
        <source>Scan any code with the scanner</source>
        <translation>Сканирайте произволен код със скенера</translation>
    </message>
    <message>
        <source>Scan a badge, a ticket or any barcode. This window shows exactly what the scanner sent and how Kiosk read it. Nobody is checked in while it is open.</source>
        <translation>Сканирайте бадж, билет или какъвто и да е баркод. Този прозорец показва точно какво е изпратил скенерът и как го е прочел Kiosk. Докато прозорецът е отворен, не се отбелязват пристигания.</translation>
    </message>
    <message>
        <source>Scanner sent:</source>
        <translation>Скенерът изпрати:</translation>
    </message>
    <message>
        <source>Kiosk read:</source>
        <translation>Kiosk прочете:</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Скорост:</translation>
    </message>
    <message>
        <source>Recognised by:</source>
        <translation>Разпознат по:</translation>
    </message>
    <message>
        <source>Keyboard layout:</source>
        <translation>Клавиатурна подредба:</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Изпратено</translation>
    </message>
    <message>
        <source>Code point</source>
        <translation>Кодова позиция</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Прочетено като</translation>
    </message>
    <message>
        <source>English (US)</source>
        <translation>Английски (САЩ)</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>Български</translation>
    </message>
    <message>
        <source>Bulgarian (traditional phonetic)</source>
        <translation>Български (традиционна фонетична)</translation>
    </message>
    <message>
        <source>Bulgarian (new phonetic)</source>
        <translation>Български (нова фонетична)</translation>
    </message>
    <message>
        <source>Romanian (programmers)</source>
        <translation>Румънски (за програмисти)</translation>
    </message>
    <message>
        <source>Romanian (standard)</source>
        <translation>Румънски (стандартна)</translation>
    </message>
    <message>
        <source>Romanian (legacy)</source>
        <translation>Румънски (стара)</translation>
    </message>
    <message>
        <source>not US (not one Kiosk knows by name)</source>
        <translation>не е US (Kiosk не я познава по име)</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) in {duration} ms, longest gap {gap} ms</source>
        <translation>
            <numerusform>%n клавиш за {duration} мс, най-дълга пауза {gap} мс</numerusform>
            <numerusform>%n клавиша за {duration} мс, най-дълга пауза {gap} мс</numerusform>
        </translation>
    </message>
    <message>
        <source>fast enough to be recognised by its speed</source>
        <translation>достатъчно бързо, за да бъде разпознат по скоростта</translation>
    </message>
    <message>
        <source>too slow to be recognised by its speed (limit {limit} ms)</source>
        <translation>твърде бавно, за да бъде разпознат по скоростта (граница {limit} мс)</translation>
    </message>
    <message>
        <source>the prefix key {key}</source>
        <translation>префиксния клавиш {key}</translation>
    </message>
    <message>
        <source>a complete ticket code before Enter</source>
        <translation>пълен код на билет преди Enter</translation>
    </message>
    <message>
        <source>its speed</source>
        <translation>скоростта на въвеждане</translation>
    </message>
    <message>
        <source>keys translated by their position</source>
        <translation>клавишите са преобразувани по позицията им</translation>
    </message>
    <message>
        <source>keys translated with the layout&apos;s table</source>
        <translation>клавишите са преобразувани по таблицата на подредбата</translation>
    </message>
    <message>
        <source>no translation needed</source>
        <translation>не е нужно преобразуване</translation>
    </message>
    <message>
        <source>unknown: Kiosk could not translate the keys</source>
        <translation>неизвестна: Kiosk не успя да преобразува клавишите</translation>
    </message>
    <message>
        <source>Waiting for a scan…</source>
        <translation>Изчаква се сканиране…</translation>
    </message>
    <message>
        <source>Your keyboard layout is {layout}; Kiosk translated the keys and read the code correctly. For best results set the scanner to send the prefix key {key}, or switch this computer&apos;s keyboard to English (US) while scanning.</source>
        <translation>Клавиатурната подредба е {layout}; Kiosk преобразува клавишите и прочете кода правилно. За най-добър резултат настройте скенера да изпраща префиксния клавиш {key} или при сканиране превключете клавиатурата на този компютър на английски (САЩ).</translation>
    </message>
    <message>
        <source>The scanner sent characters that Kiosk cannot translate. Set the scanner&apos;s keyboard language to US (see its manual), or switch this computer&apos;s keyboard to English (US), and scan again.</source>
        <translation>Скенерът изпрати знаци, които Kiosk не може да преобразува. Задайте US за език на клавиатурата на скенера (вижте ръководството му) или превключете клавиатурата на този компютър на английски (САЩ) и сканирайте отново.</translation>
    </message>
    <message>
        <source>The scanner types too slowly to be recognised by its speed; Kiosk recognised the complete ticket code when Enter came. Set the scanner to send the prefix key {key}, so that codes imported from other platforms are caught as well.</source>
        <translation>Скенерът пише твърде бавно, за да бъде разпознат по скоростта; Kiosk разпозна пълния код на билета при натискането на Enter. Настройте скенера да изпраща префиксния клавиш {key}, за да се разпознават и кодовете, внесени от други платформи.</translation>
    </message>
    <message>
        <source>The scanner works, thanks to the prefix key {key}. It types too slowly to be recognised by its speed alone, so keep the prefix key switched on.</source>
        <translation>Скенерът работи благодарение на префиксния клавиш {key}. Той въвежда твърде бавно, за да бъде разпознат само по скоростта, затова оставете префиксния клавиш включен.</translation>
    </message>
    <message>
        <source>The scanner works: it sends the prefix key {key} and the code arrives exactly as printed.</source>
        <translation>Скенерът работи: изпраща префиксния клавиш {key} и кодът пристига точно както е отпечатан.</translation>
    </message>
    <message>
        <source>The scanner works: Kiosk recognises it by its speed and the code arrives exactly as printed. Setting the scanner to send the prefix key {key} makes it even more reliable.</source>
        <translation>Скенерът работи: Kiosk го разпознава по скоростта и кодът пристига точно както е отпечатан. Ако настроите скенера да изпраща префиксния клавиш {key}, ще работи още по-надеждно.</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <source>Kiosk problem: {problem}</source>
        <extracomment>Seconds without input before the kiosk asks &quot;Do you need more time?&quot; (then, without an answer, forgets the person and shows the welcome screen). Staff can set another value. On the result screen, a shorter wait: the person has what they came for. Taps in the corner, within this many seconds, that call for the staff PIN. What a tap in the corner arrives as: a press, or a double-click for the second quick one.</extracomment>
        <translation>Проблем с киоска: {problem}</translation>
    </message>
    <message>
        <source>Kiosk working</source>
        <translation>Киоскът работи</translation>
    </message>
    <message>
        <source>Text size {percent} %</source>
        <translation>Размер на текста {percent} %</translation>
    </message>
</context>
<context>
    <name>SimilarPeopleDialog</name>
    <message>
        <source>Registered people with a similar name</source>
        <translation>Регистрирани хора с подобно име</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>код {code}</translation>
    </message>
    <message>
        <source>checked in at {time}</source>
        <translation>пристигна в {time}</translation>
    </message>
    <message>
        <source>Already registered?</source>
        <translation>Вече има регистрация?</translation>
    </message>
    <message numerus="yes">
        <source>%n registered people have a name like “{name}”. Is the walk-in one of them?</source>
        <translation>
            <numerusform>%n човек с регистрация има име като „{name}“. Това ли е човекът на място?</numerusform>
            <numerusform>%n души с регистрация имат име като „{name}“. Един от тях ли е човекът на място?</numerusform>
        </translation>
    </message>
    <message>
        <source>This is the same person — check in</source>
        <translation>Същият човек е — отбележи пристигане</translation>
    </message>
    <message>
        <source>A different person — register new</source>
        <translation>Друг човек е — нова регистрация</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отказ</translation>
    </message>
</context>
<context>
    <name>StatusIcon</name>
    <message>
        <source>Ready</source>
        <translation>В готовност</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Успешно</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Внимание</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Изход</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Write the bundle to (a USB stick or a shared folder)</source>
        <translation>Запис на пакета в (USB памет или споделена папка)</translation>
    </message>
    <message>
        <source>Import bundles from other kiosks</source>
        <translation>Внасяне на пакети от други киоски</translation>
    </message>
    <message>
        <source>Kiosk bundles (*.kbundle)</source>
        <translation>Пакети на Kiosk (*.kbundle)</translation>
    </message>
    <message>
        <source>Import every bundle in a folder</source>
        <translation>Внасяне на всички пакети в папка</translation>
    </message>
    <message>
        <source>Enter the hub&apos;s address first.</source>
        <translation>Първо въведете адреса на центъра.</translation>
    </message>
    <message>
        <source>This is not a hub address. Write it as postgresql://USER@HOST/DATABASE, e.g. postgresql://kiosk@10.0.0.5/event.</source>
        <translation>Това не е адрес на център. Напишете го във вида postgresql://ПОТРЕБИТЕЛ@ХОСТ/БАЗА_ДАННИ, например postgresql://kiosk@10.0.0.5/event.</translation>
    </message>
    <message>
        <source>Trying the hub… (at most {seconds} s)</source>
        <translation>Свързване с центъра… (най-много {seconds} s)</translation>
    </message>
    <message>
        <source>Not saved: the admin PIN is needed to change it.</source>
        <translation>Не е запазено: за промяната е нужен администраторският ПИН.</translation>
    </message>
    <message>
        <source>Reachable: the hub at {where} answered.</source>
        <translation>Достъпен: центърът на {where} отговори.</translation>
    </message>
    <message>
        <source>Wrong password or user name: the server at {where} refused them.</source>
        <translation>Грешна парола или потребителско име: сървърът на {where} ги отказа.</translation>
    </message>
    <message>
        <source>The server at {where} asks for a password, and none is set up on this computer.</source>
        <translation>Сървърът на {where} иска парола, а на този компютър не е зададена такава.</translation>
    </message>
    <message>
        <source>A server answered at {where}, but it has no such database: check the name after the last /.</source>
        <translation>На {where} отговори сървър, но там няма такава база данни: проверете името след последната /.</translation>
    </message>
    <message>
        <source>No server at this address ({where}): check the host name or IP address and the port, and that PostgreSQL runs there.</source>
        <translation>Няма сървър на този адрес ({where}): проверете името на хоста или IP адреса и порта, както и дали PostgreSQL работи там.</translation>
    </message>
    <message>
        <source>Timed out: nothing answered from {where} within {seconds} s (a firewall, another network, the machine asleep?).</source>
        <translation>Изтече времето: от {where} няма отговор за {seconds} s (защитна стена, друга мрежа, заспал компютър?).</translation>
    </message>
    <message>
        <source>Could not connect to {where}: {detail}</source>
        <translation>Няма връзка с {where}: {detail}</translation>
    </message>
    <message>
        <source>Saved: this kiosk syncs with {address}.</source>
        <translation>Запазено: този киоск се синхронизира с {address}.</translation>
    </message>
    <message>
        <source>The password was not saved: put it in ~/.pgpass or PGPASSWORD (see below).</source>
        <translation>Паролата не е запазена: запишете я в ~/.pgpass или в PGPASSWORD (вижте по-долу).</translation>
    </message>
    <message>
        <source>Written: {file}</source>
        <translation>Записан: {file}</translation>
    </message>
    <message numerus="yes">
        <source>%n scans</source>
        <translation>
            <numerusform>%n сканиране</numerusform>
            <numerusform>%n сканирания</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attendees</source>
        <translation>
            <numerusform>%n участник</numerusform>
            <numerusform>%n участници</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is complete: the stick can be removed.</source>
        <translation>Файлът е пълен: паметта може да се извади.</translation>
    </message>
    <message>
        <source>{file} (from {kiosk}):</source>
        <translation>{file} (от {kiosk}):</translation>
    </message>
    <message numerus="yes">
        <source>{kiosk}: %n new</source>
        <translation>
            <numerusform>{kiosk}: %n ново</numerusform>
            <numerusform>{kiosk}: %n нови</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here</source>
        <translation>
            <numerusform>%n вече е тук</numerusform>
            <numerusform>%n вече са тук</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scans of this kiosk still missing</source>
        <translation>
            <numerusform>все още липсва %n сканиране от този киоск</numerusform>
            <numerusform>все още липсват %n сканирания от този киоск</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attendees: %n new</source>
        <translation>
            <numerusform>Участници: %n нов</numerusform>
            <numerusform>Участници: %n нови</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n променен</numerusform>
            <numerusform>%n променени</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records not merged (see the command line report)</source>
        <translation>
            <numerusform>%n запис не е обединен (вижте отчета на командния ред)</numerusform>
            <numerusform>%n записа не са обединени (вижте отчета на командния ред)</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused, nothing merged: {message}</source>
        <translation>Отказан, нищо не е обединено: {message}</translation>
    </message>
    <message>
        <source>No bundle files (*.kbundle) were found there.</source>
        <translation>Там няма файлове с пакети (*.kbundle).</translation>
    </message>
    <message>
        <source>Synced with the hub.</source>
        <translation>Синхронизирано с центъра.</translation>
    </message>
    <message numerus="yes">
        <source>Sent: %n new scans</source>
        <translation>
            <numerusform>Изпратено: %n ново сканиране</numerusform>
            <numerusform>Изпратени: %n нови сканирания</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received: %n scans from other kiosks</source>
        <translation>
            <numerusform>Получено: %n сканиране от други киоски</numerusform>
            <numerusform>Получени: %n сканирания от други киоски</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attendees received: %n new</source>
        <translation>
            <numerusform>Получени участници: %n нов</numerusform>
            <numerusform>Получени участници: %n нови</numerusform>
        </translation>
    </message>
    <message>
        <source>No hub is configured. Enter its address above, test it and save it (or run: kiosk sync hub --dsn postgresql://…).</source>
        <translation>Няма настроен център. Въведете адреса му по-горе, проверете връзката и го запазете (или изпълнете: kiosk sync hub --dsn postgresql://…).</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Какво се случи</translation>
    </message>
    <message>
        <source>Hub (PostgreSQL server shared by the kiosks)</source>
        <translation>Център (общ PostgreSQL сървър на киоските)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверка на връзката</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Запази</translation>
    </message>
    <message>
        <source>This address comes from the KIOSK_HUB_DSN environment variable Kiosk was started with, which takes precedence over a saved address. To use another hub, change or remove KIOSK_HUB_DSN and start Kiosk again.</source>
        <translation>Този адрес идва от променливата на средата KIOSK_HUB_DSN, с която е стартиран Kiosk, и има предимство пред запазения адрес. За да използвате друг център, променете или премахнете KIOSK_HUB_DSN и стартирайте Kiosk отново.</translation>
    </message>
    <message>
        <source>The password is not saved with the address (the event file is copied between laptops). Put it in ~/.pgpass on this computer (on Windows: %APPDATA%\postgresql\pgpass.conf), one line HOST:PORT:DATABASE:USER:PASSWORD, or in the PGPASSWORD environment variable.</source>
        <translation>Паролата не се запазва с адреса (файлът на събитието се копира между лаптопите). Запишете я в ~/.pgpass на този компютър (в Windows: %APPDATA%\postgresql\pgpass.conf) като ред ХОСТ:ПОРТ:БАЗА_ДАННИ:ПОТРЕБИТЕЛ:ПАРОЛА или в променливата на средата PGPASSWORD.</translation>
    </message>
    <message>
        <source>Sync with other kiosks</source>
        <translation>Синхронизиране с другите киоски</translation>
    </message>
    <message>
        <source>Without a network, carry bundles on a USB stick: export here, import on the other kiosks, and import theirs here. Importing a bundle twice changes nothing. With a hub, kiosks sync by themselves every half minute.</source>
        <translation>Без мрежа пренасяйте пакети на USB памет: изнесете тук, внесете ги на другите киоски и внесете техните тук. Повторното внасяне на пакет не променя нищо. С център киоските се синхронизират сами на всеки половин минута.</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>Изнасяне на пакет…</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Внасяне на пакети…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Внасяне на папка…</translation>
    </message>
    <message>
        <source>Sync with the hub now</source>
        <translation>Синхронизирай с центъра сега</translation>
    </message>
</context>
<context>
    <name>SyncStateButton</name>
    <message>
        <source>Synced {time}</source>
        <translation>Синхр. {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Още не е синхронизирано</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n чака</numerusform>
            <numerusform>%n чакат</numerusform>
        </translation>
    </message>
    <message>
        <source>Hub unreachable</source>
        <translation>Центърът е недостъпен</translation>
    </message>
    <message>
        <source>Hub: {hub}</source>
        <translation>Център: {hub}</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <source>Space</source>
        <extracomment>Smallest key side, in millimetres (touch-target guidance for public touchscreens). Assumed when the screen does not say (Qt&apos;s own default logical DPI). In a window too narrow for 15 mm keys side by side, keys narrow to fit, down to this share of 15 mm (their height stays 15 mm). That window is what a portrait 1080 x 1920 screen gives at the operating system&apos;s 150 % scale factor: 720 px of 1.5 screen pixels each, where a key of 0.65 x 57 px is still about 15 mm wide on the glass. Bulgarian *phonetic* layout (the traditional one, also what BDS 5237:2006 calls phonetic), not the BDS typewriter layout. Each Cyrillic letter sits on the key of the Latin letter that sounds like it (В on W, Р on R, Т on T, Д on D ...), so a Romanian or English attendee who has never seen a Bulgarian keyboard still finds the letters, and most Bulgarians type on it every day. The four letters with no Latin partner (Ш Щ Ч Ю) end the first two rows, where the phonetic layout keeps them next to the letters ([ ] and the key beside Enter). Romanian: QWERTY with the diacritics where the Romanian standard layout (SR 13392) has them. Ș and Ț are the comma-below letters (U+0218, U+021A), never the cedilla look-alikes. Each layout named in its own language (never translated: people look for their own). The widest row of any layout, so the keyboard keeps its size when the layout changes.</extracomment>
        <translation>Интервал</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Изчисти</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Изтрий назад</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>Тире</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>Апостроф</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Enter the person&apos;s first or last name.</source>
        <translation>Въведете името или фамилията на лицето.</translation>
    </message>
    <message>
        <source>The e-mail address does not look right (name@example.org).</source>
        <translation>Имейл адресът изглежда грешен (name@example.org).</translation>
    </message>
    <message>
        <source>Register a walk-in</source>
        <translation>Регистрация на място</translation>
    </message>
    <message>
        <source>The person is added to the event and checked in on the current list.</source>
        <translation>Лицето се добавя към събитието и пристигането се отбелязва в текущия списък.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Име</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Държава</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Имейл</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Register and check in</source>
        <translation>Добавяне и отбелязване на пристигане</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome! Check in here</source>
        <translation>Добре дошли! Отбележете пристигането си тук</translation>
    </message>
    <message>
        <source>Scan your QR code</source>
        <translation>Сканирайте своя QR код</translation>
    </message>
    <message>
        <source>Find me by name</source>
        <translation>Намерете ме по име</translation>
    </message>
</context>
</TS>
