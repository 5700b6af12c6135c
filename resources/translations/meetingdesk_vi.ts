<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name />
    <message>
        <source>Type to search…</source>
        <translation>Gõ để tìm…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Directory of sites</source>
        <translation>Danh mục điểm cầu</translation>
    </message>
    <message>
        <source>Add a site to the directory</source>
        <translation>Thêm điểm cầu vào danh mục</translation>
    </message>
    <message>
        <source>Edit the site %1</source>
        <translation>Sửa điểm cầu %1</translation>
    </message>
    <message>
        <source>Delete %1 from the directory?</source>
        <translation>Xóa %1 khỏi danh mục?</translation>
    </message>
    <message>
        <source>Delete the site %1</source>
        <translation>Xóa điểm cầu %1</translation>
    </message>
    <message>
        <source>Directory of people</source>
        <translation>Danh mục đại biểu</translation>
    </message>
    <message>
        <source>Add a person to the directory</source>
        <translation>Thêm người vào danh mục</translation>
    </message>
    <message>
        <source>Edit the person %1</source>
        <translation>Sửa thông tin %1</translation>
    </message>
    <message>
        <source>Delete the person %1</source>
        <translation>Xóa %1 khỏi danh mục</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>New meeting from a previous one</source>
        <translation>Cuộc họp mới từ cuộc họp trước</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Cuộc họp mới</translation>
    </message>
    <message>
        <source>e.g. Quarterly online briefing</source>
        <translation>ví dụ: Hội nghị giao ban trực tuyến quý</translation>
    </message>
    <message>
        <source>Online conference</source>
        <translation>Hội nghị trực tuyến</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Đơn vị tổ chức</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Dự kiến bắt đầu</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Dự kiến kết thúc</translation>
    </message>
    <message>
        <source>Main venue</source>
        <translation>Điểm cầu chính</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>Tìm thấy %1</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Number code</source>
        <translation>Ký hiệu số biên bản</translation>
    </message>
    <message>
        <source>Document profile</source>
        <translation>Thể thức văn bản</translation>
    </message>
    <message>
        <source>Recipients (one per line)</source>
        <translation>Nơi nhận (mỗi dòng một nơi)</translation>
    </message>
    <message>
        <source>Page margins of the minutes (mm)</source>
        <translation>Lề trang biên bản (mm)</translation>
    </message>
    <message>
        <source>Use these margins instead of the profile's</source>
        <translation>Dùng các lề này thay cho lề của thể thức</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Trên</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Dưới</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Trái</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Phải</translation>
    </message>
    <message>
        <source>Edit site</source>
        <translation>Sửa điểm cầu</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>Điểm cầu mới</translation>
    </message>
    <message>
        <source>separated by semicolons</source>
        <translation>cách nhau bằng dấu chấm phẩy</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Former names</source>
        <translation>Tên cũ</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Người liên hệ</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Điện thoại liên hệ</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Kỹ thuật viên</translation>
    </message>
    <message>
        <source>Technician phone</source>
        <translation>Điện thoại kỹ thuật</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>Sửa thông tin đại biểu</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Đại biểu mới</translation>
    </message>
    <message>
        <source>One title per line, in order</source>
        <translation>Mỗi dòng một chức danh, theo thứ tự</translation>
    </message>
    <message>
        <source>Smaller numbers come first in lists and minutes. Derived from the titles by the precedence table; a number set by hand is kept.</source>
        <translation>Số nhỏ đứng trước trong danh sách và biên bản. Tự tính từ chức vụ theo bảng thứ tự ưu tiên; số gõ tay được giữ nguyên.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Cơ quan, đơn vị</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Precedence</source>
        <translation>Thứ tự ưu tiên</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Already in the directory</source>
        <translation>Đã có trong danh bạ</translation>
    </message>
    <message>
        <source>%1 is already in the directory.

Yes: use this person.
No: add a second person of the same name anyway.</source>
        <translation>%1 đã có trong danh bạ.

Có: dùng người này.
Không: vẫn thêm một người thứ hai cùng tên.</translation>
    </message>
    <message>
        <source>Edit agenda item</source>
        <translation>Sửa mục chương trình</translation>
    </message>
    <message>
        <source>New agenda item</source>
        <translation>Mục chương trình mới</translation>
    </message>
    <message>
        <source>min</source>
        <translation>phút</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>chưa đặt</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Mục chương trình</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Người trình bày</translation>
    </message>
    <message>
        <source>Planned duration</source>
        <translation>Thời lượng dự kiến</translation>
    </message>
    <message>
        <source>Delegate: %1</source>
        <translation>Đại biểu: %1</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Điểm cầu: %1</translation>
    </message>
    <message>
        <source>Host at the site</source>
        <translation>Người chủ trì tại điểm cầu</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Người chủ trì</translation>
    </message>
    <message>
        <source>Delegates summoned</source>
        <translation>Số đại biểu triệu tập</translation>
    </message>
    <message>
        <source>Edit document</source>
        <translation>Sửa văn bản</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Văn bản mới</translation>
    </message>
    <message>
        <source>e.g. 96-QĐ/TW</source>
        <translation>ví dụ: 96-QĐ/TW</translation>
    </message>
    <message>
        <source>Number and code</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Date issued</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>MeetingDesk</source>
        <translation>MeetingDesk</translation>
    </message>
    <message>
        <source>The desk file could not be written. Nothing was changed.</source>
        <translation>Không ghi được tệp dữ liệu. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The action failed because of an unexpected error. Your data was not changed.</source>
        <translation>Thao tác không thực hiện được do một lỗi ngoài dự kiến. Dữ liệu của bạn không bị thay đổi.</translation>
    </message>
    <message>
        <source>Central venue</source>
        <translation>Điểm cầu Trung ương</translation>
    </message>
    <message>
        <source>Province or city</source>
        <translation>Tỉnh, thành phố</translation>
    </message>
    <message>
        <source>Ministry or agency</source>
        <translation>Bộ, ngành</translation>
    </message>
    <message>
        <source>Commune or ward</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Đã lên lịch</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang họp</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Minutes final</source>
        <translation>Biên bản chính thức</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Đã kiểm tra</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <source>Reconnected</source>
        <translation>Đã kết nối lại</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chủ tọa</translation>
    </message>
    <message>
        <source>Co-chair</source>
        <translation>Đồng chủ trì</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Khách mời</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <source>Not called yet</source>
        <translation>Chưa điểm danh</translation>
    </message>
    <message>
        <source>Present in person</source>
        <translation>Có mặt trực tiếp</translation>
    </message>
    <message>
        <source>Present online</source>
        <translation>Có mặt trực tuyến</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Đến muộn</translation>
    </message>
    <message>
        <source>Absent with reason</source>
        <translation>Vắng mặt có lý do</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Phát biểu</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Giao nhiệm vụ</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Đã giao</translation>
    </message>
    <message>
        <source>Being carried out</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>State (Decree 30/2020/NĐ-CP)</source>
        <translation>Nhà nước (Nghị định 30/2020/NĐ-CP)</translation>
    </message>
    <message>
        <source>Party (Guide 36-HD/VPTW)</source>
        <translation>Đảng (Hướng dẫn 36-HD/VPTW)</translation>
    </message>
    <message>
        <source>Choose a meeting in the list, or create one (Meeting ▸ New meeting).</source>
        <translation>Chọn một cuộc họp trong danh sách, hoặc tạo cuộc họp mới (Cuộc họp ▸ Cuộc họp mới).</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>New desk…</source>
        <translation>Tệp dữ liệu mới…</translation>
    </message>
    <message>
        <source>Open desk…</source>
        <translation>Mở tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Recent desks</source>
        <translation>Tệp dữ liệu gần đây</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <source>Import delegates…</source>
        <translation>Nhập danh sách đại biểu…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất ra tệp</translation>
    </message>
    <message>
        <source>Attendance list (XLSX, CSV)…</source>
        <translation>Danh sách thành phần tham dự (XLSX, CSV)…</translation>
    </message>
    <message>
        <source>Site table (XLSX, CSV)…</source>
        <translation>Bảng điểm cầu (XLSX, CSV)…</translation>
    </message>
    <message>
        <source>Minutes for Word (DOCX)…</source>
        <translation>Biên bản để sửa bằng Word (DOCX)…</translation>
    </message>
    <message>
        <source>Conclusion notice (PDF, DOCX)…</source>
        <translation>Thông báo kết luận (PDF, DOCX)…</translation>
    </message>
    <message>
        <source>Exchange packages</source>
        <translation>Gói trao đổi</translation>
    </message>
    <message>
        <source>Export site package…</source>
        <translation>Xuất gói của một điểm cầu…</translation>
    </message>
    <message>
        <source>Import package…</source>
        <translation>Nhập gói trao đổi…</translation>
    </message>
    <message>
        <source>Resolve conflicts…</source>
        <translation>Giải quyết xung đột…</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Tùy chọn…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>&amp;Cuộc họp</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>Cuộc họp mới…</translation>
    </message>
    <message>
        <source>New meeting from this one…</source>
        <translation>Cuộc họp mới từ cuộc họp này…</translation>
    </message>
    <message>
        <source>Live mode…</source>
        <translation>Chế độ ghi trực tiếp…</translation>
    </message>
    <message>
        <source>Task register</source>
        <translation>Sổ theo dõi nhiệm vụ</translation>
    </message>
    <message>
        <source>Report with charts…</source>
        <translation>Báo cáo có biểu đồ…</translation>
    </message>
    <message>
        <source>Delete meeting…</source>
        <translation>Xóa cuộc họp…</translation>
    </message>
    <message>
        <source>Find a meeting</source>
        <translation>Tìm cuộc họp</translation>
    </message>
    <message>
        <source>&amp;Directories</source>
        <translation>&amp;Danh mục</translation>
    </message>
    <message>
        <source>Sites…</source>
        <translation>Điểm cầu…</translation>
    </message>
    <message>
        <source>People…</source>
        <translation>Đại biểu…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>About MeetingDesk</source>
        <translation>Giới thiệu MeetingDesk</translation>
    </message>
    <message>
        <source>Desk: %1</source>
        <translation>Tệp dữ liệu: %1</translation>
    </message>
    <message>
        <source>An unfinished note of “%1”, saved at %2, was kept. &lt;a href="%3"&gt;Open the live mode to carry on with it&lt;/a&gt; · &lt;a href="discard:%3"&gt;Discard it&lt;/a&gt;.</source>
        <translation>Một ghi chép chưa hoàn tất của “%1”, lưu lúc %2, đã được giữ lại. &lt;a href="%3"&gt;Mở chế độ ghi trực tiếp để viết tiếp&lt;/a&gt; · &lt;a href="discard:%3"&gt;Bỏ ghi chép này&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>This desk is already open here.</source>
        <translation>Tệp dữ liệu này đang được mở ở cửa sổ này.</translation>
    </message>
    <message>
        <source>Damaged desk file</source>
        <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>%1

Restore the newest good backup, of %2? The damaged file is kept beside it.</source>
        <translation>%1

Khôi phục bản sao lưu tốt gần nhất, lúc %2? Tệp bị hỏng được giữ lại bên cạnh.</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>Sao lưu tự động không thành công: %1</translation>
    </message>
    <message>
        <source>New desk</source>
        <translation>Tệp dữ liệu mới</translation>
    </message>
    <message>
        <source>Open desk</source>
        <translation>Mở tệp dữ liệu</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Đã sao lưu vào %1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Read-only: this desk is on a read-only medium or you may not write it. You can browse, search, preview, export and print; nothing can be changed.</source>
        <translation>Chỉ đọc: tệp dữ liệu này nằm trên ổ chỉ đọc hoặc bạn không có quyền ghi. Bạn có thể xem, tìm kiếm, xem trước, xuất và in; không thay đổi được gì.</translation>
    </message>
    <message>
        <source>This desk has no backups yet.</source>
        <translation>Tệp dữ liệu này chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <source>Backup to restore:</source>
        <translation>Bản sao lưu cần khôi phục:</translation>
    </message>
    <message>
        <source>Replace the desk with the backup of %1? Changes made since are set aside in a copy of the current file.</source>
        <translation>Thay tệp dữ liệu bằng bản sao lưu lúc %1? Các thay đổi từ thời điểm đó được giữ trong một bản sao của tệp hiện tại.</translation>
    </message>
    <message>
        <source>Restored; the previous file is kept as %1</source>
        <translation>Đã khôi phục; tệp trước đó được giữ tại %1</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Xóa cuộc họp</translation>
    </message>
    <message>
        <source>Delete the meeting “%1” with its sites, delegates, agenda, notes and minutes? You can undo this with Edit ▸ Undo.</source>
        <translation>Xóa cuộc họp “%1” cùng các điểm cầu, đại biểu, chương trình, ghi chép và biên bản của nó? Có thể hoàn tác bằng Sửa ▸ Hoàn tác.</translation>
    </message>
    <message>
        <source>MeetingDesk %1 — meetings, sites, delegates and minutes of online multi-site conferences.</source>
        <translation>MeetingDesk %1 — quản lý cuộc họp, điểm cầu, đại biểu và biên bản hội nghị trực tuyến nhiều điểm cầu.</translation>
    </message>
    <message>
        <source>The minutes are being generated; please wait a moment.</source>
        <translation>Đang tạo biên bản; vui lòng chờ trong giây lát.</translation>
    </message>
    <message>
        <source>Search meetings…</source>
        <translation>Tìm cuộc họp…</translation>
    </message>
    <message>
        <source>Enter opens the first meeting found; Down goes to the list.</source>
        <translation>Enter mở cuộc họp đầu tiên tìm thấy; phím mũi tên xuống chuyển vào danh sách.</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>%1 of %2 meetings</source>
        <translation>%1 / %2 cuộc họp</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chép</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Conclusion notice</source>
        <translation>Thông báo kết luận</translation>
    </message>
    <message>
        <source>Go to the tab %1</source>
        <translation>Đến thẻ %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>TT</translation>
    </message>
    <message>
        <source>Minutes planned</source>
        <translation>Số phút dự kiến</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>(no site)</source>
        <translation>(chưa có điểm cầu)</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Giờ đến</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Cited here</source>
        <translation>Được trích dẫn</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>Import a list of delegates or sites</source>
        <translation>Nhập danh sách đại biểu hoặc điểm cầu</translation>
    </message>
    <message>
        <source>Delegate or site lists (*.xlsx *.csv *.txt *.tsv)</source>
        <translation>Danh sách đại biểu, điểm cầu (*.xlsx *.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Will add %1, update %2 and skip %3 of %4 rows; %5 new sites.</source>
        <translation>Sẽ thêm %1, cập nhật %2 và bỏ qua %3 trong %4 dòng; %5 điểm cầu mới.</translation>
    </message>
    <message>
        <source>Will add %1, update %2 and skip %3 of %4 rows; %5 new sites; %6 people join the meeting's list and %7 sites join the meeting.</source>
        <translation>Sẽ thêm %1, cập nhật %2 và bỏ qua %3 trong %4 dòng; %5 điểm cầu mới; %6 người vào thành phần cuộc họp và %7 điểm cầu vào cuộc họp.</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 skipped; %4 new sites, %5 people added to the meeting's list.</source>
        <translation>Đã nhập: thêm %1, cập nhật %2, bỏ qua %3; %4 điểm cầu mới, %5 người vào thành phần cuộc họp.</translation>
    </message>
    <message>
        <source>A backup was taken first: %1. An import cannot be undone with Edit ▸ Undo (restore that backup instead); the undo history was cleared.</source>
        <translation>Bản sao lưu đã được tạo trước khi ghi: %1. Không thể hoàn tác việc nhập bằng Sửa ▸ Hoàn tác (hãy khôi phục bản sao lưu đó); lịch sử hoàn tác đã được xóa.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Tự nhận</translation>
    </message>
    <message>
        <source>The encoding of a CSV or text file (a workbook needs none)</source>
        <translation>Bảng mã của tệp CSV hoặc tệp văn bản (tệp Excel không cần)</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Mọi dòng</translation>
    </message>
    <message>
        <source>To add</source>
        <translation>Sẽ thêm</translation>
    </message>
    <message>
        <source>To update</source>
        <translation>Sẽ cập nhật</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>this desk</source>
        <translation>bàn này</translation>
    </message>
    <message>
        <source>Keep this one: %1</source>
        <translation>Giữ bản này: %1</translation>
    </message>
    <message>
        <source>Take the other one: %1</source>
        <translation>Lấy bản kia: %1</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Giá trị mới</translation>
    </message>
    <message>
        <source>Edit: type a new value</source>
        <translation>Sửa lại: gõ giá trị mới</translation>
    </message>
    <message>
        <source>Resolve conflicts</source>
        <translation>Giải quyết xung đột</translation>
    </message>
    <message>
        <source>These records were changed on two desks without either seeing the other's change. Both values are kept; the one shown is the same on every desk. Choose, for each field, the value to keep: the resolution travels with the next packages.</source>
        <translation>Các bản ghi này bị sửa ở hai bàn làm việc mà không bên nào thấy thay đổi của bên kia. Cả hai giá trị đều được giữ; giá trị đang hiển thị giống nhau ở mọi bàn. Hãy chọn giá trị cần giữ cho từng trường: cách giải quyết sẽ đi theo các gói trao đổi tiếp theo.</translation>
    </message>
    <message>
        <source>Apply the resolution</source>
        <translation>Áp dụng cách giải quyết</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>%1 records in conflict.</source>
        <translation>%1 bản ghi có xung đột.</translation>
    </message>
    <message>
        <source>There is no conflict.</source>
        <translation>Không có xung đột.</translation>
    </message>
    <message>
        <source>None: the directory only</source>
        <translation>Không: chỉ nhập vào danh bạ</translation>
    </message>
    <message>
        <source>The people imported join this meeting's list of delegates</source>
        <translation>Những người được nhập sẽ vào thành phần đại biểu của cuộc họp này</translation>
    </message>
    <message>
        <source>As the file says</source>
        <translation>Theo tệp</translation>
    </message>
    <message>
        <source>The site of the rows that name none</source>
        <translation>Điểm cầu của những dòng không ghi điểm cầu</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Bảng mã</translation>
    </message>
    <message>
        <source>Site of rows without one</source>
        <translation>Điểm cầu cho dòng không ghi</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Các cột</translation>
    </message>
    <message>
        <source>Rows in the file</source>
        <translation>Các dòng trong tệp</translation>
    </message>
    <message>
        <source>What the import will do (nothing is written before you press Import)</source>
        <translation>Việc sẽ làm khi nhập (chưa ghi gì cho tới khi bấm Nhập)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <source>Working out what the import will do…</source>
        <translation>Đang xem trước việc nhập…</translation>
    </message>
    <message>
        <source>%1 data rows</source>
        <translation>%1 dòng dữ liệu</translation>
    </message>
    <message>
        <source>headers on line %1</source>
        <translation>tiêu đề ở dòng %1</translation>
    </message>
    <message>
        <source>sheet “%1”</source>
        <translation>trang “%1”</translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>bảng mã %1</translation>
    </message>
    <message>
        <source>Backing up the desk, then importing…</source>
        <translation>Đang sao lưu dữ liệu, rồi nhập…</translation>
    </message>
    <message>
        <source>The import is being written; please wait a moment.</source>
        <translation>Đang ghi dữ liệu nhập; xin chờ một chút.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Đặt</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Sửa nhiệm vụ</translation>
    </message>
    <message>
        <source>Assigned task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Owner unit</source>
        <translation>Đơn vị chủ trì</translation>
    </message>
    <message>
        <source>Owner person</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Owner site</source>
        <translation>Điểm cầu thực hiện</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>The minutes of this meeting are final: only the status can change.</source>
        <translation>Biên bản cuộc họp này đã chốt: chỉ thay đổi được tình trạng.</translation>
    </message>
    <message>
        <source>Add a progress report</source>
        <translation>Thêm báo cáo tiến độ</translation>
    </message>
    <message>
        <source>who reported it (a unit, a document)</source>
        <translation>ai báo cáo (đơn vị, văn bản)</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(giữ nguyên)</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Ngày báo cáo</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Nội dung báo cáo</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Tình trạng mới</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Thời điểm tạo</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Thể thức</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>đã thay</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>đã mở lại</translation>
    </message>
    <message>
        <source>Made final on %1, reopened since: no longer in force</source>
        <translation>Đã chốt lúc %1, sau đó đã mở lại: không còn hiệu lực</translation>
    </message>
    <message>
        <source>Digitally signed by %1 at %2</source>
        <translation>Đã ký số bởi %1 lúc %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần sửa</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Lưu lúc</translation>
    </message>
    <message>
        <source>Summoned</source>
        <translation>Triệu tập</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <source>Add the agenda item</source>
        <translation>Thêm mục chương trình</translation>
    </message>
    <message>
        <source>Edit the agenda item</source>
        <translation>Sửa mục chương trình</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>Gỡ mục chương trình</translation>
    </message>
    <message>
        <source>Remove “%1” from the agenda? Its notes stay with the meeting.</source>
        <translation>Gỡ “%1” khỏi chương trình? Các ghi chép của mục này vẫn được giữ trong cuộc họp.</translation>
    </message>
    <message>
        <source>Remove the agenda item</source>
        <translation>Gỡ mục chương trình</translation>
    </message>
    <message>
        <source>Reorder the agenda</source>
        <translation>Sắp xếp lại chương trình</translation>
    </message>
    <message>
        <source>Search delegates…</source>
        <translation>Tìm đại biểu…</translation>
    </message>
    <message>
        <source>By precedence</source>
        <translation>Theo thứ tự ưu tiên</translation>
    </message>
    <message>
        <source>By name (Vietnamese order)</source>
        <translation>Theo tên (thứ tự tiếng Việt)</translation>
    </message>
    <message>
        <source>Add from directory…</source>
        <translation>Thêm từ danh mục…</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Người mới…</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Roll call mode</source>
        <translation>Chế độ điểm danh</translation>
    </message>
    <message>
        <source>Roll call mode (Ctrl+R)</source>
        <translation>Chế độ điểm danh (Ctrl+R)</translation>
    </message>
    <message>
        <source>Roll call: C or 1 present · T or 2 online · M or 3 late · L or 4 absent with reason · V or 5 absent · 0 undo the call · S the site's present count; arrows move.</source>
        <translation>Điểm danh: C hoặc 1 có mặt · T hoặc 2 trực tuyến · M hoặc 3 đến muộn · L hoặc 4 vắng có lý do · V hoặc 5 vắng · 0 bỏ điểm danh · S số có mặt của điểm cầu; phím mũi tên để di chuyển.</translation>
    </message>
    <message>
        <source>%1 delegates: %2 present, %3 absent</source>
        <translation>%1 đại biểu: %2 có mặt, %3 vắng</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Mọi điểm cầu</translation>
    </message>
    <message>
        <source>Reason for %1's absence:</source>
        <translation>Lý do vắng mặt của %1:</translation>
    </message>
    <message>
        <source>Roll call: %1, %2</source>
        <translation>Điểm danh: %1, %2</translation>
    </message>
    <message>
        <source>Add a delegate from the directory</source>
        <translation>Thêm đại biểu từ danh mục</translation>
    </message>
    <message>
        <source>Name, title or organization</source>
        <translation>Tên, chức danh hoặc cơ quan</translation>
    </message>
    <message>
        <source>Add the delegate %1</source>
        <translation>Thêm đại biểu %1</translation>
    </message>
    <message>
        <source>Edit the delegate %1</source>
        <translation>Sửa đại biểu %1</translation>
    </message>
    <message>
        <source>Remove delegate</source>
        <translation>Gỡ đại biểu</translation>
    </message>
    <message>
        <source>Remove %1 from this meeting?</source>
        <translation>Gỡ %1 khỏi cuộc họp này?</translation>
    </message>
    <message>
        <source>Remove the delegate %1</source>
        <translation>Gỡ đại biểu %1</translation>
    </message>
    <message>
        <source>Only documents cited in this meeting</source>
        <translation>Chỉ văn bản được trích dẫn trong cuộc họp này</translation>
    </message>
    <message>
        <source>Search documents…</source>
        <translation>Tìm văn bản…</translation>
    </message>
    <message>
        <source>Add document…</source>
        <translation>Thêm văn bản…</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>Add a document</source>
        <translation>Thêm văn bản</translation>
    </message>
    <message>
        <source>Edit the document %1</source>
        <translation>Sửa văn bản %1</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message>
        <source>Attach %1 to %2</source>
        <translation>Đính kèm %1 vào %2</translation>
    </message>
    <message>
        <source>Generate the minutes</source>
        <translation>Tạo biên bản</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất ra tệp…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Mark final</source>
        <translation>Chốt bản chính thức</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Mở lại…</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Ký số…</translation>
    </message>
    <message>
        <source>Check signatures…</source>
        <translation>Kiểm tra chữ ký…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Các phiên bản</translation>
    </message>
    <message>
        <source>The minutes are final: the meeting cannot be changed until it is reopened.</source>
        <translation>Biên bản đã được chốt: không thể sửa cuộc họp cho đến khi mở lại.</translation>
    </message>
    <message>
        <source>Gathering the meeting's data…</source>
        <translation>Đang tập hợp dữ liệu cuộc họp…</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>Đang dàn trang…</translation>
    </message>
    <message>
        <source>Saving the new version…</source>
        <translation>Đang lưu phiên bản mới…</translation>
    </message>
    <message>
        <source>Minutes generated.</source>
        <translation>Đã tạo biên bản.</translation>
    </message>
    <message>
        <source>Preview only: the desk is read-only, no version was recorded.</source>
        <translation>Chỉ xem trước: dữ liệu chỉ đọc, không lưu phiên bản nào.</translation>
    </message>
    <message>
        <source>Export the minutes</source>
        <translation>Xuất biên bản</translation>
    </message>
    <message>
        <source>Sign the final minutes</source>
        <translation>Ký số biên bản đã chốt</translation>
    </message>
    <message>
        <source>Certificate file (.p12)</source>
        <translation>Tệp chứng thư số (.p12)</translation>
    </message>
    <message>
        <source>USB token (PKCS#11)</source>
        <translation>Token USB (PKCS#11)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Khóa ký</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>Chọn tệp chứng thư số</translation>
    </message>
    <message>
        <source>Certificate files (*.p12 *.pfx)</source>
        <translation>Tệp chứng thư số (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Choose the token's PKCS#11 library</source>
        <translation>Chọn thư viện PKCS#11 của token</translation>
    </message>
    <message>
        <source>Libraries (*.so *.dll *.dylib)</source>
        <translation>Thư viện (*.so *.dll *.dylib)</translation>
    </message>
    <message>
        <source>Choose the signature image</source>
        <translation>Chọn ảnh chữ ký</translation>
    </message>
    <message>
        <source>Choose the seal image</source>
        <translation>Chọn ảnh con dấu</translation>
    </message>
    <message>
        <source>None: sign offline (PAdES B-B)</source>
        <translation>Không dùng: ký ngoại tuyến (PAdES B-B)</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Tệp chứng thư số</translation>
    </message>
    <message>
        <source>PKCS#11 library</source>
        <translation>Thư viện PKCS#11</translation>
    </message>
    <message>
        <source>Token label</source>
        <translation>Nhãn token</translation>
    </message>
    <message>
        <source>Sign as</source>
        <translation>Ký với tư cách</translation>
    </message>
    <message>
        <source>Signature image (PNG)</source>
        <translation>Ảnh chữ ký (PNG)</translation>
    </message>
    <message>
        <source>Seal image (PNG, when the agency signs)</source>
        <translation>Ảnh con dấu (PNG, khi cơ quan ký)</translation>
    </message>
    <message>
        <source>Timestamp server</source>
        <translation>Máy chủ dấu thời gian</translation>
    </message>
    <message>
        <source>Token PIN</source>
        <translation>Mã PIN của token</translation>
    </message>
    <message>
        <source>Certificate password</source>
        <translation>Mật khẩu chứng thư số</translation>
    </message>
    <message>
        <source>PIN of the USB token:</source>
        <translation>Mã PIN của token USB:</translation>
    </message>
    <message>
        <source>Password of the certificate file:</source>
        <translation>Mật khẩu của tệp chứng thư số:</translation>
    </message>
    <message>
        <source>Signed by %1; the signed copy is kept with this version.</source>
        <translation>Đã ký bởi %1; bản đã ký được lưu cùng phiên bản này.</translation>
    </message>
    <message>
        <source>Signing the minutes…</source>
        <translation>Đang ký số biên bản…</translation>
    </message>
    <message>
        <source>Add trusted root certificates</source>
        <translation>Thêm chứng thư số gốc tin cậy</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>Chứng thư số (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <source>Check the signatures of a PDF</source>
        <translation>Kiểm tra chữ ký số của một tệp PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Check the signatures</source>
        <translation>Kiểm tra chữ ký</translation>
    </message>
    <message>
        <source>Add trusted root…</source>
        <translation>Thêm chứng thư gốc tin cậy…</translation>
    </message>
    <message>
        <source>Make this version the final minutes? The meeting's notes and tasks can no longer be changed until it is reopened with a reason.</source>
        <translation>Chốt phiên bản này làm biên bản chính thức? Ghi chép và nhiệm vụ của cuộc họp sẽ không sửa được nữa cho đến khi cuộc họp được mở lại kèm lý do.</translation>
    </message>
    <message>
        <source>Reopen the meeting</source>
        <translation>Mở lại cuộc họp</translation>
    </message>
    <message>
        <source>Why is the meeting reopened?</source>
        <translation>Lý do mở lại cuộc họp?</translation>
    </message>
    <message>
        <source>Search notes…</source>
        <translation>Tìm ghi chép…</translation>
    </message>
    <message>
        <source>What was said, concluded or assigned…</source>
        <translation>Nội dung phát biểu, kết luận hoặc nhiệm vụ được giao…</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Ghi chép mới</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Lưu ghi chép</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Xóa ghi chép</translation>
    </message>
    <message>
        <source>Earlier texts…</source>
        <translation>Lịch sử sửa…</translation>
    </message>
    <message>
        <source>Kind and time</source>
        <translation>Loại và thời gian</translation>
    </message>
    <message>
        <source>All agenda items</source>
        <translation>Mọi mục chương trình</translation>
    </message>
    <message>
        <source>Outside the agenda</source>
        <translation>Ngoài chương trình</translation>
    </message>
    <message>
        <source>(outside the agenda)</source>
        <translation>(ngoài chương trình)</translation>
    </message>
    <message>
        <source>(no speaker)</source>
        <translation>(không có người phát biểu)</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Thêm ghi chép</translation>
    </message>
    <message>
        <source>Edit the note</source>
        <translation>Sửa ghi chép</translation>
    </message>
    <message>
        <source>Delete this note?</source>
        <translation>Xóa ghi chép này?</translation>
    </message>
    <message>
        <source>Delete the note</source>
        <translation>Xóa ghi chép</translation>
    </message>
    <message>
        <source>%1 sites, %2 delegates</source>
        <translation>%1 điểm cầu, %2 đại biểu</translation>
    </message>
    <message>
        <source>not numbered</source>
        <translation>chưa đánh số</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>Thời gian dự kiến</translation>
    </message>
    <message>
        <source>Actual time</source>
        <translation>Thời gian thực tế</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Đã xóa</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Older, ignored</source>
        <translation>Cũ hơn, bỏ qua</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Site in the meeting</source>
        <translation>Điểm cầu trong cuộc họp</translation>
    </message>
    <message>
        <source>Connection event</source>
        <translation>Sự kiện kết nối</translation>
    </message>
    <message>
        <source>Delegate in the meeting</source>
        <translation>Đại biểu dự họp</translation>
    </message>
    <message>
        <source>Task progress</source>
        <translation>Tiến độ nhiệm vụ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Thứ tự</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Người chủ trì</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Exists</source>
        <translation>Còn tồn tại</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>Thời điểm ghi nhận</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>đã xóa</translation>
    </message>
    <message>
        <source>Problem: refers to records neither here nor in the package (%1); kept, shown once they arrive</source>
        <translation>Vấn đề: tham chiếu tới bản ghi không có ở đây và trong gói (%1); được giữ lại, sẽ hiện khi bản ghi đó đến</translation>
    </message>
    <message>
        <source>On merging</source>
        <translation>Khi hợp nhất</translation>
    </message>
    <message>
        <source>Values (here → package)</source>
        <translation>Giá trị (ở đây → trong gói)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation>Trường xung đột</translation>
    </message>
    <message>
        <source>Minutes become final from the Minutes tab.</source>
        <translation>Chốt biên bản chính thức tại thẻ Biên bản.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Lưu thay đổi</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Hoàn lại</translation>
    </message>
    <message>
        <source>Meeting log</source>
        <translation>Nhật ký cuộc họp</translation>
    </message>
    <message>
        <source>Nothing recorded yet: copies, final minutes and notices, reopenings and signatures are listed here.</source>
        <translation>Chưa có gì được ghi: việc sao chép cuộc họp, chốt biên bản và thông báo, mở lại và ký số sẽ được liệt kê ở đây.</translation>
    </message>
    <message>
        <source>Present: %1 · absent: %2 · not called yet: %3</source>
        <translation>Có mặt: %1 · vắng: %2 · chưa điểm danh: %3</translation>
    </message>
    <message>
        <source>(set a delegate's role on the Delegates tab)</source>
        <translation>(đặt vai trò cho đại biểu ở thẻ Đại biểu)</translation>
    </message>
    <message>
        <source>Edit the meeting's details</source>
        <translation>Sửa thông tin cuộc họp</translation>
    </message>
    <message>
        <source>Host and summoned…</source>
        <translation>Chủ trì và triệu tập…</translation>
    </message>
    <message>
        <source>Remark for the log (optional)</source>
        <translation>Ghi chú vào nhật ký (không bắt buộc)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Nhật ký kết nối</translation>
    </message>
    <message>
        <source>Choose a site in the list.</source>
        <translation>Chọn một điểm cầu trong danh sách.</translation>
    </message>
    <message>
        <source>Add a site from the directory</source>
        <translation>Thêm điểm cầu từ danh mục</translation>
    </message>
    <message>
        <source>Name, code or former name, e.g. “bac kan”</source>
        <translation>Tên, mã hoặc tên cũ, ví dụ “bac kan”</translation>
    </message>
    <message>
        <source>Add the site %1</source>
        <translation>Thêm điểm cầu %1</translation>
    </message>
    <message>
        <source>Remove site</source>
        <translation>Gỡ điểm cầu</translation>
    </message>
    <message>
        <source>Remove %1 from this meeting, with its connection log?</source>
        <translation>Gỡ %1 khỏi cuộc họp này, cùng nhật ký kết nối của điểm cầu?</translation>
    </message>
    <message>
        <source>Remove the site %1</source>
        <translation>Gỡ điểm cầu %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Start the meeting (F5)</source>
        <translation>Bắt đầu cuộc họp (F5)</translation>
    </message>
    <message>
        <source>Next agenda item (F8)</source>
        <translation>Mục chương trình tiếp theo (F8)</translation>
    </message>
    <message>
        <source>End the meeting (F12)</source>
        <translation>Kết thúc cuộc họp (F12)</translation>
    </message>
    <message>
        <source>Typing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chép</translation>
    </message>
    <message>
        <source>Notes filed (Enter: edit)</source>
        <translation>Ghi chép đã lưu (Enter: sửa)</translation>
    </message>
    <message>
        <source>Site connections</source>
        <translation>Kết nối các điểm cầu</translation>
    </message>
    <message>
        <source>The minutes of this meeting are final: the live mode only shows it. Reopen the meeting on the Minutes tab to add notes.</source>
        <translation>Biên bản cuộc họp này đã chính thức: chế độ trực tiếp chỉ để xem. Muốn thêm ghi chú, hãy mở lại cuộc họp ở thẻ Biên bản.</translation>
    </message>
    <message>
        <source>An unfinished note saved at {time} was restored. Carry on typing, or file it with Ctrl+Enter.</source>
        <translation>Đã khôi phục ghi chép chưa hoàn thành được lưu lúc {time}. Hãy nhập tiếp, hoặc lưu bằng Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Since the start: {time}</source>
        <translation>Từ khi bắt đầu: {time}</translation>
    </message>
    <message>
        <source>No agenda item is running.</source>
        <translation>Chưa có mục chương trình nào đang diễn ra.</translation>
    </message>
    <message>
        <source>{spent} of {planned} min</source>
        <translation>{spent}/{planned} phút</translation>
    </message>
    <message>
        <source>{spent} min</source>
        <translation>{spent} phút</translation>
    </message>
    <message>
        <source>Filing…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Đã lưu lúc {time}</translation>
    </message>
    <message>
        <source>Note filed at {time}</source>
        <translation>Đã lưu ghi chép lúc {time}</translation>
    </message>
    <message>
        <source>End the meeting</source>
        <translation>Kết thúc cuộc họp</translation>
    </message>
    <message>
        <source>Choose the speaker (type a name without accents, Enter)</source>
        <translation>Chọn người phát biểu (gõ tên không dấu, Enter)</translation>
    </message>
    <message>
        <source>Back to the note text</source>
        <translation>Về ô soạn ghi chú</translation>
    </message>
    <message>
        <source>Start the meeting</source>
        <translation>Bắt đầu hội nghị</translation>
    </message>
    <message>
        <source>Next agenda item</source>
        <translation>Nội dung tiếp theo</translation>
    </message>
    <message>
        <source>End the meeting now? The time is recorded for the minutes.</source>
        <translation>Kết thúc cuộc họp ngay bây giờ? Thời điểm kết thúc được ghi vào biên bản.</translation>
    </message>
    <message>
        <source>Who: a person or a unit</source>
        <translation>Ai thực hiện: một người hoặc một đơn vị</translation>
    </message>
    <message>
        <source>Task for:</source>
        <translation>Giao cho:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Hạn:</translation>
    </message>
    <message>
        <source>Type what is said. Ctrl+Enter files the note and opens the next one.</source>
        <translation>Nhập nội dung phát biểu. Ctrl+Enter để lưu ghi chép và mở ghi chép tiếp theo.</translation>
    </message>
    <message>
        <source>This note is a: %1</source>
        <translation>Loại ghi chú: %1</translation>
    </message>
    <message>
        <source>{up}/{total} sites connected</source>
        <translation>{up}/{total} điểm cầu đã kết nối</translation>
    </message>
    <message>
        <source>Speaker: type a name without accents (F2)</source>
        <translation>Người phát biểu: gõ tên không dấu (F2)</translation>
    </message>
    <message>
        <source>Close the live mode (asks when a note is not filed)</source>
        <translation>Đóng chế độ trực tiếp (hỏi khi còn ghi chú chưa lưu)</translation>
    </message>
    <message>
        <source>Live — {title}</source>
        <translation>Trực tiếp — {title}</translation>
    </message>
    <message>
        <source>Close the live mode</source>
        <translation>Đóng chế độ trực tiếp</translation>
    </message>
    <message>
        <source>The note being typed is not filed yet:

“%1”

Yes: file it now.
No: close, it is kept as a draft and comes back next time.
Cancel: go back to it.</source>
        <translation>Ghi chú đang gõ chưa được lưu vào biên bản:

“%1”

Có: lưu ngay.
Không: đóng, ghi chú được giữ làm bản nháp và hiện lại lần sau.
Hủy: quay lại ghi chú.</translation>
    </message>
    <message>
        <source>— ignore —</source>
        <translation>— bỏ qua —</translation>
    </message>
    <message>
        <source>MeetingDesk exchange packages (%1)</source>
        <translation>Gói trao đổi MeetingDesk (%1)</translation>
    </message>
    <message>
        <source>Import an exchange package</source>
        <translation>Nhập gói trao đổi</translation>
    </message>
    <message>
        <source>The part of the site %1 in the meeting “%2”</source>
        <translation>Phần của điểm cầu %1 trong cuộc họp “%2”</translation>
    </message>
    <message>
        <source>The meeting “%2” (sites, agenda, delegates, notes)</source>
        <translation>Cuộc họp “%2” (điểm cầu, chương trình, đại biểu, ghi chép)</translation>
    </message>
    <message>
        <source>%1 records were changed both here and at the sender: both values are kept and the same one is shown on every desk. They are listed first; resolve them with Exchange packages ▸ Resolve conflicts.</source>
        <translation>%1 bản ghi bị sửa cả ở đây và ở nơi gửi: cả hai giá trị đều được giữ và giá trị hiển thị giống nhau ở mọi bàn. Chúng được liệt kê đầu tiên; hãy giải quyết bằng Gói trao đổi ▸ Giải quyết xung đột.</translation>
    </message>
    <message>
        <source>Package imported: %1 new, %2 changed, %3 deleted; %4 conflicts kept with both values.</source>
        <translation>Đã nhập gói: %1 mới, %2 thay đổi, %3 xóa; %4 xung đột được giữ cả hai giá trị.</translation>
    </message>
    <message>
        <source>Made %1 on the desk %2.</source>
        <translation>Tạo lúc %1 trên bàn làm việc %2.</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Mọi bản ghi</translation>
    </message>
    <message>
        <source>Reading the package…</source>
        <translation>Đang đọc gói…</translation>
    </message>
    <message>
        <source>Nothing is written before you press Import.</source>
        <translation>Chưa ghi gì cho tới khi bấm Nhập.</translation>
    </message>
    <message>
        <source>There is nothing new to import.</source>
        <translation>Không có gì mới để nhập.</translation>
    </message>
    <message>
        <source>Site code</source>
        <translation>Mã điểm cầu</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Cột %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>(bỏ qua)</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Update: %1</source>
        <translation>Cập nhật: %1</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Việc</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Export the attendance list</source>
        <translation>Xuất danh sách thành phần tham dự</translation>
    </message>
    <message>
        <source>Export the site table</source>
        <translation>Xuất bảng điểm cầu</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>Đã ghi %1 dòng vào %2.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <source>Export the minutes for Word</source>
        <translation>Xuất biên bản để sửa bằng Word</translation>
    </message>
    <message>
        <source>The whole meeting (sites, agenda, delegates, notes), to send to the sites</source>
        <translation>Cả cuộc họp (điểm cầu, chương trình, đại biểu, ghi chép), để gửi các điểm cầu</translation>
    </message>
    <message>
        <source>Export the conclusion notice</source>
        <translation>Xuất thông báo kết luận</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>This version is not the conclusion notice in force: it was replaced or reopened. Write it anyway?</source>
        <translation>Bản này không phải thông báo kết luận đang có hiệu lực: đã được thay hoặc đã mở lại. Vẫn ghi bản này?</translation>
    </message>
    <message>
        <source>Writing the conclusion notice…</source>
        <translation>Đang ghi thông báo kết luận…</translation>
    </message>
    <message>
        <source>The conclusion notice was written to %1.</source>
        <translation>Đã ghi thông báo kết luận vào %1.</translation>
    </message>
    <message>
        <source>Writing the minutes…</source>
        <translation>Đang ghi biên bản…</translation>
    </message>
    <message>
        <source>The minutes were written to %1.</source>
        <translation>Đã ghi biên bản vào %1.</translation>
    </message>
    <message>
        <source>Export an exchange package</source>
        <translation>Xuất gói trao đổi</translation>
    </message>
    <message>
        <source>What the package holds:</source>
        <translation>Nội dung của gói:</translation>
    </message>
    <message>
        <source>Everything (for a new partner, or one that lost its desk)</source>
        <translation>Tất cả (cho đối tác mới, hoặc đối tác bị mất dữ liệu)</translation>
    </message>
    <message>
        <source>For which desk (only what it lacks):</source>
        <translation>Gửi cho bàn làm việc nào (chỉ những gì bàn đó chưa có):</translation>
    </message>
    <message>
        <source>The package was written to %1 (%2 records).</source>
        <translation>Đã ghi gói vào %1 (%2 bản ghi).</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Printing page %1…</source>
        <translation>Đang in trang %1…</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>Đã in.</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>Nội dung chương trình</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>(directory)</source>
        <translation>(danh mục)</translation>
    </message>
    <message>
        <source>Search the desk</source>
        <translation>Tìm trong tệp dữ liệu</translation>
    </message>
    <message>
        <source>Search the desk…</source>
        <translation>Tìm trong tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Notes, people, sites (former names too), agenda items, documents…</source>
        <translation>Ghi chép, người, điểm cầu (cả tên cũ), nội dung chương trình, văn bản…</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Không tìm thấy kết quả.</translation>
    </message>
    <message>
        <source>Best results among the %1 newest notes.</source>
        <translation>Kết quả tốt nhất trong %1 ghi chép mới nhất.</translation>
    </message>
    <message>
        <source>Present at the site</source>
        <translation>Số có mặt tại điểm cầu</translation>
    </message>
    <message>
        <source>Present at %1 (summoned %2):</source>
        <translation>Số có mặt tại %1 (triệu tập %2):</translation>
    </message>
    <message>
        <source>(issuer without a name)</source>
        <translation>(cơ quan ban hành chưa có tên)</translation>
    </message>
    <message>
        <source>derived from the chair's titles when empty</source>
        <translation>để trống: lấy từ chức vụ của người chủ trì</translation>
    </message>
    <message>
        <source>Directory of issuers</source>
        <translation>Danh mục cơ quan ban hành</translation>
    </message>
    <message>
        <source>Make default</source>
        <translation>Đặt làm mặc định</translation>
    </message>
    <message>
        <source>Edit issuer</source>
        <translation>Sửa cơ quan ban hành</translation>
    </message>
    <message>
        <source>New issuer</source>
        <translation>Cơ quan ban hành mới</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Chair who signs</source>
        <translation>Người ký thay mặt chủ trì</translation>
    </message>
    <message>
        <source>Chair's title line</source>
        <translation>Dòng chức vụ của người chủ trì</translation>
    </message>
    <message>
        <source>Secretary who signs</source>
        <translation>Thư ký ký biên bản</translation>
    </message>
    <message>
        <source>Add an issuer</source>
        <translation>Thêm cơ quan ban hành</translation>
    </message>
    <message>
        <source>Make %1 the default issuer</source>
        <translation>Đặt %1 làm cơ quan ban hành mặc định</translation>
    </message>
    <message>
        <source>Delete the issuer %1</source>
        <translation>Xóa cơ quan ban hành %1</translation>
    </message>
    <message>
        <source>Edit the issuer %1</source>
        <translation>Sửa cơ quan ban hành %1</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>chưa báo cáo</translation>
    </message>
    <message>
        <source>e.g. representatives of the departments</source>
        <translation>ví dụ: đại diện các sở, ngành</translation>
    </message>
    <message>
        <source>e.g. 1 ill, 1 on mission</source>
        <translation>ví dụ: 01 đồng chí ốm, 01 đồng chí đi công tác</translation>
    </message>
    <message>
        <source>Present (as the site reports)</source>
        <translation>Số có mặt (điểm cầu báo cáo)</translation>
    </message>
    <message>
        <source>Also attending</source>
        <translation>Thành phần khác tham dự</translation>
    </message>
    <message>
        <source>Absent, and why</source>
        <translation>Vắng mặt và lý do</translation>
    </message>
    <message>
        <source>count not reported</source>
        <translation>chưa báo cáo số có mặt</translation>
    </message>
    <message>
        <source>Click or press Space: {status}; S: present count</source>
        <translation>Nhấn chuột hoặc phím cách: {status}; S: số có mặt</translation>
    </message>
    <message>
        <source>present {present}/{summoned}</source>
        <translation>có mặt {present}/{summoned}</translation>
    </message>
    <message>
        <source>Issuers…</source>
        <translation>Cơ quan ban hành…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Mặc định</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Đã báo cáo</translation>
    </message>
    <message>
        <source>Present at %1: %2</source>
        <translation>Số có mặt tại %1: %2</translation>
    </message>
    <message>
        <source>Delete version</source>
        <translation>Xóa bản</translation>
    </message>
    <message>
        <source>This version is not the final minutes in force: it was replaced or reopened. Write it anyway?</source>
        <translation>Bản này không phải biên bản chính thức đang có hiệu lực: đã được thay hoặc đã mở lại. Vẫn ghi bản này?</translation>
    </message>
    <message>
        <source>Print the minutes</source>
        <translation>In biên bản</translation>
    </message>
    <message>
        <source>Delete this version of the minutes?</source>
        <translation>Xóa bản biên bản này?</translation>
    </message>
    <message>
        <source>The minutes take their heading, place, number code, recipients and profile from the issuer (Directories ▸ Issuers).</source>
        <translation>Biên bản lấy tiêu đề, địa danh, ký hiệu số, nơi nhận và thể thức từ cơ quan ban hành (Danh mục ▸ Cơ quan ban hành).</translation>
    </message>
    <message>
        <source>title line above the name</source>
        <translation>dòng chức vụ in trên tên</translation>
    </message>
    <message>
        <source>Signs for the chair</source>
        <translation>Ký thay mặt chủ trì</translation>
    </message>
    <message>
        <source>Signs as secretary</source>
        <translation>Thư ký ký</translation>
    </message>
    <message>
        <source>(nobody: nothing is printed)</source>
        <translation>(không ai: không in gì)</translation>
    </message>
    <message>
        <source>Sites report %1 present of %2 summoned; %3 of %4 sites have reported</source>
        <translation>Các điểm cầu báo cáo %1 có mặt / %2 triệu tập; %3/%4 điểm cầu đã báo cáo</translation>
    </message>
    <message>
        <source>e.g. 15/09/2025 14:00</source>
        <translation>ví dụ 15/09/2025 14:00</translation>
    </message>
    <message>
        <source>e.g. 15/09/2025</source>
        <translation>ví dụ 15/09/2025</translation>
    </message>
    <message>
        <source>Type day/month/year and the time: 15/09/2025 14:00, 15/9/2025 14h30; a time alone (14h) keeps the day.</source>
        <translation>Gõ ngày/tháng/năm và giờ: 15/09/2025 14:00, 15/9/2025 14h30; chỉ gõ giờ (14h) thì giữ nguyên ngày.</translation>
    </message>
    <message>
        <source>Type day/month/year: 15/09/2025, 15/9/2025.</source>
        <translation>Gõ ngày/tháng/năm: 15/09/2025, 15/9/2025.</translation>
    </message>
    <message>
        <source>A date is needed here.</source>
        <translation>Ô này cần có ngày.</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(chưa đặt)</translation>
    </message>
    <message>
        <source>Live mode</source>
        <translation>Chế độ trực tiếp</translation>
    </message>
    <message>
        <source>Note kind: %1</source>
        <translation>Loại ghi chú: %1</translation>
    </message>
    <message>
        <source>File the note and open the next</source>
        <translation>Lưu ghi chú vào biên bản và mở ghi chú mới</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Made from the program's own actions: what is listed here is what the keys do.</source>
        <translation>Lấy thẳng từ các lệnh của chương trình: danh sách này đúng với những gì phím làm.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Tác dụng</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ở đâu</translation>
    </message>
    <message>
        <source>MeetingDesk help</source>
        <translation>Trợ giúp MeetingDesk</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Type a few letters, accents not needed</source>
        <translation>Gõ vài chữ cái, không cần dấu</translation>
    </message>
    <message>
        <source>Read only: reopen it on the Minutes tab to change it</source>
        <translation>Chỉ xem: muốn sửa, hãy mở lại ở thẻ Biên bản</translation>
    </message>
    <message>
        <source>The minutes of this meeting are final: it can be read but not changed. To change it, reopen it on the Minutes tab.</source>
        <translation>Biên bản cuộc họp này đã chính thức: chỉ xem, không sửa được. Muốn sửa, hãy mở lại cuộc họp ở thẻ Biên bản.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>%1 · in conflict</source>
        <translation>%1 · có xung đột</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>Ngày họp</translation>
    </message>
    <message>
        <source>Last report</source>
        <translation>Báo cáo gần nhất</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Năm trước</translation>
    </message>
    <message>
        <source>Report with charts</source>
        <translation>Báo cáo có biểu đồ</translation>
    </message>
    <message>
        <source>Build the report</source>
        <translation>Lập báo cáo</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <source>Save XLSX…</source>
        <translation>Lưu XLSX…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>from</source>
        <translation>từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>%1 meetings from %2 to %3.</source>
        <translation>%1 hội nghị từ %2 đến %3.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>The report was written to %1.</source>
        <translation>Đã ghi báo cáo vào %1.</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(tất cả)</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Chưa hoàn thành</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Đánh dấu hoàn thành</translation>
    </message>
    <message>
        <source>Add progress…</source>
        <translation>Thêm tiến độ…</translation>
    </message>
    <message>
        <source>Remove report</source>
        <translation>Xóa báo cáo</translation>
    </message>
    <message>
        <source>Quarter due</source>
        <translation>Quý đến hạn</translation>
    </message>
    <message>
        <source>Progress reports of the chosen task</source>
        <translation>Các báo cáo tiến độ của nhiệm vụ đang chọn</translation>
    </message>
    <message>
        <source>%1 of %2 tasks</source>
        <translation>%1 trên %2 nhiệm vụ</translation>
    </message>
    <message>
        <source>Edit the task</source>
        <translation>Sửa nhiệm vụ</translation>
    </message>
    <message>
        <source>Mark the task done</source>
        <translation>Đánh dấu nhiệm vụ hoàn thành</translation>
    </message>
    <message>
        <source>Change the task's status</source>
        <translation>Đổi tình trạng nhiệm vụ</translation>
    </message>
    <message>
        <source>Remove the progress report</source>
        <translation>Xóa báo cáo tiến độ</translation>
    </message>
    <message>
        <source>Reorder the tasks</source>
        <translation>Sắp xếp lại nhiệm vụ</translation>
    </message>
    <message>
        <source>Remove task</source>
        <translation>Xóa nhiệm vụ</translation>
    </message>
    <message>
        <source>Remove the task “%1” and its progress reports?</source>
        <translation>Xóa nhiệm vụ “%1” cùng các báo cáo tiến độ của nó?</translation>
    </message>
    <message>
        <source>Remove the task</source>
        <translation>Xóa nhiệm vụ</translation>
    </message>
    <message>
        <source>Move the site %1</source>
        <translation>Chuyển điểm cầu %1</translation>
    </message>
    <message>
        <source>Move up among delegates of equal precedence</source>
        <translation>Chuyển lên trong số đại biểu cùng thứ tự ưu tiên</translation>
    </message>
    <message>
        <source>Move down among delegates of equal precedence</source>
        <translation>Chuyển xuống trong số đại biểu cùng thứ tự ưu tiên</translation>
    </message>
    <message>
        <source>Move delegate</source>
        <translation>Chuyển đại biểu</translation>
    </message>
    <message>
        <source>Delegates are moved in precedence order: choose “By precedence” first.</source>
        <translation>Đại biểu chỉ được chuyển chỗ khi xếp theo thứ tự ưu tiên: hãy chọn “Theo thứ tự ưu tiên” trước.</translation>
    </message>
    <message>
        <source>Delegates are grouped by site: to put %1's site before or after another, move it on the Sites tab.</source>
        <translation>Đại biểu được xếp theo từng điểm cầu: muốn đưa điểm cầu của %1 lên trước hay ra sau điểm cầu khác, hãy chuyển điểm cầu đó ở thẻ Điểm cầu.</translation>
    </message>
    <message>
        <source>%1 and %2 follow the order of precedence of their titles; to change it, set the precedence in the person's dialog (Directory ▸ People…).</source>
        <translation>%1 và %2 được xếp theo thứ tự ưu tiên của chức vụ; muốn đổi, hãy sửa “Thứ tự ưu tiên” của người đó (Danh mục ▸ Đại biểu…).</translation>
    </message>
    <message>
        <source>Move the delegate %1</source>
        <translation>Chuyển đại biểu %1</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Xóa văn bản</translation>
    </message>
    <message>
        <source>Delete the document %1 from the catalogue, with its attached file?</source>
        <translation>Xóa văn bản %1 khỏi danh mục, cùng tệp đính kèm (nếu có)?</translation>
    </message>
    <message>
        <source>Delete the document %1</source>
        <translation>Xóa văn bản %1</translation>
    </message>
    <message>
        <source>Discard the note being typed</source>
        <translation>Bỏ ghi chép đang gõ</translation>
    </message>
    <message>
        <source>Discard it… (Ctrl+Shift+Del)</source>
        <translation>Bỏ ghi chép này… (Ctrl+Shift+Del)</translation>
    </message>
    <message>
        <source>Discard the note</source>
        <translation>Bỏ ghi chép</translation>
    </message>
    <message>
        <source>Discard the note being typed? Its text cannot be brought back; a filed note being edited stays as it was filed.</source>
        <translation>Bỏ ghi chép đang gõ? Nội dung đã gõ không lấy lại được; nếu đang sửa một ghi chép đã lưu thì ghi chép đó giữ nguyên như đã lưu.</translation>
    </message>
    <message>
        <source>Note discarded at {time}</source>
        <translation>Đã bỏ ghi chép lúc {time}</translation>
    </message>
    <message>
        <source>This note is open in the live mode: discard it there (Ctrl+Shift+Del).</source>
        <translation>Ghi chép này đang mở trong chế độ ghi trực tiếp: hãy bỏ nó ở đó (Ctrl+Shift+Del).</translation>
    </message>
    <message>
        <source>Discard the unfinished note? Its text cannot be brought back.</source>
        <translation>Bỏ ghi chép chưa hoàn tất? Nội dung đã gõ không lấy lại được.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ẩn</translation>
    </message>
    <message>
        <source>The check of this desk found it damaged (%1). Nothing more is written to it and editing is locked.</source>
        <translation>Kiểm tra tệp dữ liệu thấy tệp bị hỏng (%1). Không ghi thêm gì vào tệp và mọi chỉnh sửa đã bị khóa.</translation>
    </message>
    <message>
        <source>Restore its newest good backup, of %1, to go on working.</source>
        <translation>Hãy khôi phục bản sao lưu tốt gần nhất, lúc %1, để làm việc tiếp.</translation>
    </message>
    <message>
        <source>No good backup was found: keep a copy of the file and ask for help (meetingdesk check tells more).</source>
        <translation>Không tìm thấy bản sao lưu tốt: hãy giữ một bản chép của tệp và nhờ hỗ trợ (lệnh meetingdesk check cho biết thêm).</translation>
    </message>
    <message>
        <source>The check of this desk found %1 records pointing to records that are gone. Everything else works.</source>
        <translation>Kiểm tra tệp dữ liệu thấy %1 bản ghi trỏ tới bản ghi không còn nữa. Mọi thứ khác vẫn dùng được.</translation>
    </message>
    <message>
        <source>If something is missing, restore the backup of %1.</source>
        <translation>Nếu thấy thiếu dữ liệu, hãy khôi phục bản sao lưu lúc %1.</translation>
    </message>
    <message>
        <source>The check of this desk could not finish (%1). Nothing more is written to it and editing is locked; open it again.</source>
        <translation>Việc kiểm tra tệp dữ liệu không hoàn tất (%1). Không ghi thêm gì vào tệp và mọi chỉnh sửa đã bị khóa; hãy mở lại tệp.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Cancel the import (Esc)</source>
        <translation>Hủy nhập (Esc)</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Đã hủy: không có gì được nhập.</translation>
    </message>
    <message>
        <source>Stop generating or printing: nothing is kept of it</source>
        <translation>Dừng tạo hoặc in biên bản: không giữ lại gì của việc đang làm</translation>
    </message>
    <message>
        <source>Cancelled: no version was recorded.</source>
        <translation>Đã hủy: không có bản nào được lưu.</translation>
    </message>
    <message>
        <source>Cancelled: printing stopped.</source>
        <translation>Đã hủy: việc in đã dừng.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Đã hủy: không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Earlier texts of the note</source>
        <translation>Lịch sử sửa ghi chép</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Các lần sửa</translation>
    </message>
    <message>
        <source>Text of the revision</source>
        <translation>Nội dung lần sửa</translation>
    </message>
    <message>
        <source>No earlier text was kept for this note.</source>
        <translation>Ghi chép này không có nội dung cũ nào được lưu.</translation>
    </message>
    <message>
        <source>Created as a copy</source>
        <translation>Tạo bằng cách sao chép</translation>
    </message>
    <message>
        <source>Minutes made final</source>
        <translation>Chốt biên bản chính thức</translation>
    </message>
    <message>
        <source>Meeting reopened</source>
        <translation>Mở lại cuộc họp</translation>
    </message>
    <message>
        <source>Minutes signed</source>
        <translation>Ký số biên bản</translation>
    </message>
    <message>
        <source>Notice made final</source>
        <translation>Chốt thông báo chính thức</translation>
    </message>
    <message>
        <source>Notice reopened</source>
        <translation>Mở lại thông báo</translation>
    </message>
    <message>
        <source>version generated %1</source>
        <translation>bản tạo lúc %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>bản %1</translation>
    </message>
    <message>
        <source>%1, signed by %2</source>
        <translation>%1, ký bởi %2</translation>
    </message>
    <message>
        <source>from meeting %1 (deleted since)</source>
        <translation>từ cuộc họp %1 (nay đã xóa)</translation>
    </message>
    <message>
        <source>from “%1”</source>
        <translation>từ “%1”</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Sự việc</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>The date printed on the notice (today unless chosen)</source>
        <translation>Ngày ghi trên thông báo (hôm nay, nếu không chọn ngày khác)</translation>
    </message>
    <message>
        <source>Generate the notice</source>
        <translation>Tạo thông báo</translation>
    </message>
    <message>
        <source>PDF: the version selected, as it was recorded. DOCX: the notice as the meeting stands now, to edit</source>
        <translation>PDF: đúng bản đang chọn như đã lưu. DOCX: thông báo theo dữ liệu hiện tại của cuộc họp, để chỉnh sửa</translation>
    </message>
    <message>
        <source>Only the newest version can be made final</source>
        <translation>Chỉ bản mới nhất mới chốt chính thức được</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>The notice is final (version of %1): no new version until it is reopened.</source>
        <translation>Thông báo đã chốt chính thức (bản tạo lúc %1): không tạo bản mới cho đến khi mở lại.</translation>
    </message>
    <message>
        <source>No version of the notice yet. The desk is read-only: Export… writes the notice without recording a version.</source>
        <translation>Chưa có bản thông báo nào. Dữ liệu chỉ đọc: “Xuất ra tệp…” ghi thông báo ra tệp mà không lưu phiên bản nào.</translation>
    </message>
    <message>
        <source>No version of the notice yet: generate it (Ctrl+G).</source>
        <translation>Chưa có bản thông báo nào: hãy tạo thông báo (Ctrl+G).</translation>
    </message>
    <message>
        <source>Generating the conclusion notice…</source>
        <translation>Đang tạo thông báo kết luận…</translation>
    </message>
    <message>
        <source>Make this version the final conclusion notice? No new version can be generated until it is reopened with a reason.</source>
        <translation>Chốt bản này làm thông báo kết luận chính thức? Sẽ không tạo được bản mới cho đến khi mở lại kèm lý do.</translation>
    </message>
    <message>
        <source>Reopen the conclusion notice</source>
        <translation>Mở lại thông báo kết luận</translation>
    </message>
    <message>
        <source>Why is the notice reopened (a corrected notice)?</source>
        <translation>Lý do mở lại thông báo (để ban hành thông báo đính chính)?</translation>
    </message>
    <message>
        <source>Backing up the desk before closing…</source>
        <translation>Đang sao lưu bàn làm việc trước khi đóng…</translation>
    </message>
    <message>
        <source>Skip the backup</source>
        <translation>Bỏ qua sao lưu</translation>
    </message>
    <message>
        <source>Skipping the backup…</source>
        <translation>Đang bỏ qua sao lưu…</translation>
    </message>
    <message>
        <source>The backup before closing could not be taken.
%1
The desk itself is saved, and its earlier backups are kept.</source>
        <translation>Không sao lưu được trước khi đóng.
%1
Bàn làm việc vẫn được lưu nguyên vẹn, các bản sao lưu trước vẫn còn.</translation>
    </message>
    <message>
        <source>Checking the desk just opened; your change follows as soon as the check has passed…</source>
        <translation>Đang kiểm tra bàn làm việc vừa mở; thao tác của bạn sẽ được thực hiện ngay khi kiểm tra xong…</translation>
    </message>
</context>
</TS>